import { buildStatement } from './build-statement';
import { LedgerInputError } from './errors';
import { indexClosedPeriods } from './index-closed-periods';
import { buildLink, buildPlan, buildWorklog } from './test-builders';
import type { ClosedPeriod } from './types';

const plan = buildPlan();
const statement = buildStatement({ plan, links: [buildLink()], worklogs: [buildWorklog()], period: '2026-10' });
const october: ClosedPeriod = { periodLabel: '2026-10', version: 2, statement };

describe('indexClosedPeriods', () => {
  it('indexes the closed periods by label', () => {
    const index = indexClosedPeriods(plan, [october]);
    expect([...index.keys()]).toEqual(['2026-10']);
    expect(index.get('2026-10')).toBe(october);
  });

  it('refuses a statement of another plan, of another period, a version below 1 and a period given twice', () => {
    expect(() => indexClosedPeriods(plan, [{ ...october, statement: { ...statement, planId: 'silver' } }])).toThrow(
      new LedgerInputError('closedPeriods[2026-10]', 'statement of plan silver, not gold'),
    );
    expect(() => indexClosedPeriods(plan, [{ ...october, periodLabel: '2026-09' }])).toThrow(
      new LedgerInputError('closedPeriods[2026-09]', 'statement of period 2026-10'),
    );
    expect(() => indexClosedPeriods(plan, [{ ...october, version: 0 }])).toThrow(
      new LedgerInputError('closedPeriods[2026-10]', 'version must be a whole number from 1, not 0'),
    );
    expect(() => indexClosedPeriods(plan, [october, october])).toThrow(
      new LedgerInputError('closedPeriods[2026-10]', 'closed more than once; give only the latest version'),
    );
  });
});
