import { periodContaining } from './period-containing';
import { buildPlan } from './test-builders';

describe('periodContaining', () => {
  const berlin = buildPlan({ startDate: '2026-01-01', endDate: '2026-12-31', timeZone: 'Europe/Berlin' });

  it('reads the instant in the plan time zone: 00:30 local on the first day belongs to the new period', () => {
    // 2026-11-01 00:30 +01:00 (winter time since 2026-10-25) = 2026-10-31 23:30 UTC.
    expect(periodContaining(berlin, Date.UTC(2026, 9, 31, 23, 30))?.label).toBe('2026-11');
    // 2026-04-01 00:30 +02:00 (summer time since 2026-03-29) = 2026-03-31 22:30 UTC.
    expect(periodContaining(berlin, Date.UTC(2026, 2, 31, 22, 30))?.label).toBe('2026-04');
    // One hour earlier is still March 31 in Berlin.
    expect(periodContaining(berlin, Date.UTC(2026, 2, 31, 21, 30))?.label).toBe('2026-03');
  });

  it('does the same in America/New_York', () => {
    const newYork = buildPlan({ startDate: '2026-01-01', timeZone: 'America/New_York' });
    // 2026-11-01 00:30 -04:00 (DST ends at 02:00 that day) = 04:30 UTC.
    expect(periodContaining(newYork, Date.UTC(2026, 10, 1, 4, 30))?.label).toBe('2026-11');
    expect(periodContaining(newYork, Date.UTC(2026, 10, 1, 3, 59))?.label).toBe('2026-10');
    // 2026-03-01 00:30 -05:00 = 05:30 UTC.
    expect(periodContaining(newYork, Date.UTC(2026, 2, 1, 5, 30))?.label).toBe('2026-03');
  });

  it('treats the start as inclusive and the end as exclusive', () => {
    const plan = buildPlan({ startDate: '2026-10-15', endDate: '2027-01-20' });
    expect(periodContaining(plan, Date.UTC(2026, 9, 15))?.label).toBe('2026-10');
    expect(periodContaining(plan, Date.UTC(2026, 10, 15) - 1)?.label).toBe('2026-10');
    expect(periodContaining(plan, Date.UTC(2026, 10, 15))?.label).toBe('2026-11');
    expect(periodContaining(plan, Date.UTC(2027, 0, 20, 23, 59, 59, 999))?.label).toBe('2027-01');
  });

  it('is null before the start and after the end', () => {
    const plan = buildPlan({ startDate: '2026-10-15', endDate: '2027-01-20' });
    expect(periodContaining(plan, Date.UTC(2026, 9, 15) - 1)).toBeNull();
    expect(periodContaining(plan, Date.UTC(2027, 0, 21))).toBeNull();
  });

  it('finds clamped periods (Jan 31 plan on Feb 28)', () => {
    const plan = buildPlan({ startDate: '2026-01-31' });
    expect(periodContaining(plan, Date.UTC(2026, 1, 27))?.label).toBe('2026-01');
    expect(periodContaining(plan, Date.UTC(2026, 1, 28))?.label).toBe('2026-02');
    expect(periodContaining(plan, Date.UTC(2026, 2, 30))?.label).toBe('2026-02');
    expect(periodContaining(plan, Date.UTC(2026, 2, 31))?.label).toBe('2026-03');
  });

  it('finds yearly periods', () => {
    const plan = buildPlan({ startDate: '2026-07-01', period: 'year' });
    expect(periodContaining(plan, Date.UTC(2027, 5, 30))?.label).toBe('2026-07');
    expect(periodContaining(plan, Date.UTC(2030, 6, 1))?.label).toBe('2030-07');
  });
});
