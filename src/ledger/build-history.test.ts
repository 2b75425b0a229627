import { buildHistory, resumeHistory } from './build-history';
import { buildStatement } from './build-statement';
import { prepareKeptEntries, prepareLedger } from './replay-ledger';
import { buildLink, buildPlan, buildWorklog, HOUR } from './test-builders';

describe('buildHistory', () => {
  const plan = buildPlan({
    allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 1000, rollover: { capSeconds: 5 * HOUR, expiresAfterPeriods: 1 } },
    blocks: [{ id: 'b', purchasedOn: '2026-11-10', seconds: 5 * HOUR, priceMinor: 2000 }],
  });
  const links = [buildLink()];
  const worklogs = [
    buildWorklog({ id: '1', started: '2026-10-03T10:00:00.000+0000', timeSpentSeconds: 2 * HOUR }),
    buildWorklog({ id: '2', started: '2026-11-03T10:00:00.000+0000', timeSpentSeconds: 20 * HOUR }),
    buildWorklog({ id: '3', started: '2026-12-03T10:00:00.000+0000', timeSpentSeconds: 1 * HOUR }),
  ];
  const asOf = Date.UTC(2026, 11, 10);

  it('gives every period from the first through the one asked for, equal to single statements', () => {
    const statements = buildHistory({ plan, links, worklogs, throughPeriod: '2026-12', asOf });
    expect(statements.map((s) => s.period.label)).toEqual(['2026-10', '2026-11', '2026-12']);
    for (const statement of statements) {
      expect(statement).toEqual(buildStatement({ plan, links, worklogs, period: statement.period.label, asOf }));
    }
  });

  it('carries balances across periods', () => {
    const [october, november] = buildHistory({ plan, links, worklogs, throughPeriod: '2026-11' });
    // Oct: 8 h unused → lot of 5 h. Nov available: 5 h lot + 10 h allowance + 5 h block = 20 h, but the
    // block is bought on Nov 10, after the 20 h worklog of Nov 3: 5 h lot + 10 h allowance + 5 h overage.
    expect(october?.totalMinor).toBe(1000);
    expect(november).toMatchObject({ carriedInSeconds: 18000, purchasedSeconds: 18000, availableSeconds: 72000, overageSeconds: 18000 });
    expect(november?.totalMinor).toBe(1000 + 50000 + 2000); // fee + 5 h × 100.00 + block
  });

  it("replays a period from the entries an earlier prepare kept of it alone, as from the whole plan's", () => {
    const prepared = prepareLedger(plan, links, worklogs, '2026-12', 'throughPeriod');
    const { closings } = resumeHistory(prepared, [], { index: 0, checkpoint: { alive: [], blocksTaken: 0 } }, asOf);
    const november = prepared.periods[1];
    const keptEntries = (period: { readonly index: number }) => (period.index === 1 ? (prepared.entriesByPeriod[1] ?? []) : []);
    const kept = prepareKeptEntries(plan, '2026-11', 'period', keptEntries, prepared.outOfPlan);
    const checkpoint = closings[0];
    if (november === undefined || checkpoint === undefined) throw new Error('the plan has no November');
    const [fromKept] = resumeHistory(kept, [], { index: 1, checkpoint }, asOf).statements;
    expect(JSON.stringify(fromKept)).toBe(JSON.stringify(buildStatement({ plan, links, worklogs, period: november, asOf })));
    // Without the period's entries it is another statement: the test would see a wrong filing.
    const empty = prepareKeptEntries(plan, '2026-11', 'period', () => [], prepared.outOfPlan);
    expect(resumeHistory(empty, [], { index: 1, checkpoint }, asOf).statements[0]?.lines).toEqual([]);
  });
});
