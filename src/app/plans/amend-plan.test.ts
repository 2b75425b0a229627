import { periodByLabel } from '../../ledger';
import { buildPlan, HOUR } from '../../ledger/test-builders';
import type { BucketPlan, Period } from '../../ledger/types';
import { amendPlan } from './amend-plan';

const plan = buildPlan({ startDate: '2026-07-01', blocks: [{ id: 'july', purchasedOn: '2026-07-10', seconds: 5 * HOUR, priceMinor: 1000 }] });
const terms = [{ version: 1, from: '2026-07', madeAt: 1, madeBy: 'acc-admin', planVersion: 1 }];
const maker = { madeAt: 2, madeBy: 'acc-other', planVersion: 2 };

function period(label: string): Period {
  const found = periodByLabel(plan, label);
  if (found === null) throw new Error(`no period ${label}`);
  return found;
}

describe('amendPlan', () => {
  it('gives a block bought from the new terms on to the new version, and keeps an earlier one where it was', () => {
    const october: BucketPlan['blocks'][number] = { id: 'october', purchasedOn: '2026-10-02', seconds: 10 * HOUR, priceMinor: 2000 };
    const edited = { ...plan, overageRateMinor: 20_000, blocks: [...plan.blocks, october] };
    const amended = amendPlan({ plan, terms }, { edited, effectiveFrom: period('2026-10'), lastClosed: period('2026-08'), maker });
    if (!amended.ok) throw new Error('refused');
    const result = amended.data.plan as BucketPlan;
    expect([result.overageRateMinor, result.blocks.map((block) => block.id)]).toEqual([10_000, ['july']]);
    expect(result.amendments?.map((amendment) => [amendment.from, amendment.overageRateMinor, amendment.blocks.map((block) => block.id)])).toEqual([
      ['2026-10', 20_000, ['october']],
    ]);
    expect(amended.data.terms).toEqual([...terms, { version: 2, from: '2026-10', ...maker }]);
  });

  it('refuses a change to a block bought in a closed period, naming that period', () => {
    const edited = { ...plan, blocks: [{ ...plan.blocks[0], seconds: 6 * HOUR }] } as BucketPlan;
    expect(amendPlan({ plan, terms }, { edited, effectiveFrom: period('2026-10'), lastClosed: period('2026-08'), maker })).toEqual({
      ok: false,
      refusal: { kind: 'conflict', reason: { what: 'closed-period-change', periodLabel: '2026-07', nextOpenLabel: '2026-09', change: { kind: 'block', blockId: 'july' } } },
    });
  });

  it('makes no term version for a new name, and rebuilds the only version for a new start date while nothing is closed', () => {
    const renamed = amendPlan({ plan, terms }, { edited: { ...plan, name: 'Renamed' }, effectiveFrom: period('2026-10'), lastClosed: null, maker });
    expect(renamed.ok && [renamed.data.plan.name, renamed.data.plan.amendments, renamed.data.terms]).toEqual(['Renamed', undefined, terms]);
    const moved = amendPlan({ plan, terms }, { edited: { ...plan, startDate: '2026-06-01' }, effectiveFrom: period('2026-10'), lastClosed: null, maker });
    expect(moved.ok && [moved.data.plan.startDate, moved.data.plan.amendments, moved.data.terms]).toEqual(['2026-06-01', undefined, [{ version: 1, from: '2026-06', ...maker }]]);
  });
});
