import { LedgerInputError } from './errors';
import { createPeriodCalendar } from './period-calendar';
import { buildPlan } from './test-builders';

describe('createPeriodCalendar', () => {
  it('knows the plan bounds (end exclusive, after the inclusive end date)', () => {
    const calendar = createPeriodCalendar(buildPlan({ startDate: '2026-10-01', endDate: '2026-11-20', timeZone: 'Europe/Berlin' }));
    expect(calendar.planStart).toBe(Date.UTC(2026, 8, 30, 22));
    expect(calendar.planEnd).toBe(Date.UTC(2026, 10, 20, 23));
  });

  it('gives the end of a period, or the plan end when the plan ends first', () => {
    const calendar = createPeriodCalendar(buildPlan({ startDate: '2026-10-01', endDate: '2026-11-20' }));
    expect(calendar.endOfPeriodOrPlan(0)).toBe(Date.UTC(2026, 10, 1));
    expect(calendar.endOfPeriodOrPlan(1)).toBe(Date.UTC(2026, 10, 21));
    expect(calendar.endOfPeriodOrPlan(5)).toBe(Date.UTC(2026, 10, 21));
    expect(calendar.period(-1)).toBeNull();
    expect(calendar.period(2)).toBeNull();
  });

  it('has no end for open-ended plans', () => {
    const calendar = createPeriodCalendar(buildPlan({ startDate: '2026-10-01' }));
    expect(calendar.planEnd).toBeNull();
    expect(calendar.period(1200)?.label).toBe('2126-10');
  });

  it('refuses an unknown time zone', () => {
    expect(() => createPeriodCalendar(buildPlan({ timeZone: 'Mars/Olympus_Mons' }))).toThrow(
      new LedgerInputError('plan.timeZone', 'unknown IANA time zone "Mars/Olympus_Mons"'),
    );
  });
});
