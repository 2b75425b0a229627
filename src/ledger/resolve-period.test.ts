import { LedgerInputError } from './errors';
import { createPeriodCalendar } from './period-calendar';
import { resolvePeriod } from './resolve-period';
import { buildPlan } from './test-builders';

describe('resolvePeriod', () => {
  const plan = buildPlan();
  const calendar = createPeriodCalendar(plan);

  it('resolves labels and periods of the plan', () => {
    const november = resolvePeriod(plan, calendar, '2026-11', 'period');
    expect(november.startDate).toBe('2026-11-01');
    expect(resolvePeriod(plan, calendar, november, 'period')).toEqual(november);
  });

  it('refuses a period of another plan', () => {
    const other = buildPlan({ startDate: '2026-10-15' });
    const foreign = resolvePeriod(other, createPeriodCalendar(other), '2026-11', 'period');
    expect(foreign.index).toBe(1);
    expect(() => resolvePeriod(plan, calendar, foreign, 'throughPeriod')).toThrow(LedgerInputError);
  });
});
