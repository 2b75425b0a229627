import { listPeriods } from './list-periods';
import { buildPlan } from './test-builders';

const labelsAndStarts = (periods: ReturnType<typeof listPeriods>) => periods.map((p) => [p.label, p.startDate]);
const FAR_FUTURE = Date.UTC(2100, 0, 1);

describe('listPeriods', () => {
  it('clamps the day to the month, always from the start date (Jan 31)', () => {
    const plan = buildPlan({ startDate: '2026-01-31' });
    expect(labelsAndStarts(listPeriods(plan, Date.UTC(2026, 4, 31)))).toEqual([
      ['2026-01', '2026-01-31'],
      ['2026-02', '2026-02-28'],
      ['2026-03', '2026-03-31'],
      ['2026-04', '2026-04-30'],
      ['2026-05', '2026-05-31'],
    ]);
  });

  it('keeps a leap-day anchor: Feb 29 2028 monthly and yearly', () => {
    const monthly = listPeriods(buildPlan({ startDate: '2028-02-29' }), Date.UTC(2029, 2, 29));
    expect(monthly.map((p) => p.startDate)).toEqual([
      '2028-02-29', '2028-03-29', '2028-04-29', '2028-05-29', '2028-06-29', '2028-07-29', '2028-08-29',
      '2028-09-29', '2028-10-29', '2028-11-29', '2028-12-29', '2029-01-29', '2029-02-28', '2029-03-29',
    ]);
    const yearly = listPeriods(buildPlan({ startDate: '2028-02-29', period: 'year' }), Date.UTC(2032, 1, 29));
    expect(yearly.map((p) => [p.startDate, p.endDateExclusive])).toEqual([
      ['2028-02-29', '2029-02-28'],
      ['2029-02-28', '2030-02-28'],
      ['2030-02-28', '2031-02-28'],
      ['2031-02-28', '2032-02-29'],
      ['2032-02-29', '2033-02-28'],
    ]);
  });

  it('runs mid-month plans from the 15th to the 14th', () => {
    const [first, second] = listPeriods(buildPlan({ startDate: '2026-10-15' }), Date.UTC(2026, 10, 15));
    expect(first).toEqual({
      index: 0,
      label: '2026-10',
      startDate: '2026-10-15',
      endDateExclusive: '2026-11-15',
      start: Date.UTC(2026, 9, 15),
      end: Date.UTC(2026, 10, 15),
    });
    expect(second?.label).toBe('2026-11');
  });

  it('steps quarters by three months', () => {
    const plan = buildPlan({ startDate: '2026-01-15', period: 'quarter' });
    expect(labelsAndStarts(listPeriods(plan, Date.UTC(2026, 11, 31)))).toEqual([
      ['2026-01', '2026-01-15'],
      ['2026-04', '2026-04-15'],
      ['2026-07', '2026-07-15'],
      ['2026-10', '2026-10-15'],
    ]);
  });

  it('cuts the last period at the inclusive end date and stops there', () => {
    const plan = buildPlan({ startDate: '2026-01-01', endDate: '2026-03-10' });
    const periods = listPeriods(plan, FAR_FUTURE);
    expect(periods.map((p) => [p.label, p.endDateExclusive])).toEqual([
      ['2026-01', '2026-02-01'],
      ['2026-02', '2026-03-01'],
      ['2026-03', '2026-03-11'],
    ]);
    expect(periods[2]?.end).toBe(Date.UTC(2026, 2, 11));
  });

  it('lists periods started at or before the instant, none before the plan', () => {
    const plan = buildPlan({ startDate: '2026-10-01' });
    expect(listPeriods(plan, Date.UTC(2026, 8, 30, 23, 59))).toEqual([]);
    expect(listPeriods(plan, Date.UTC(2026, 9, 1)).map((p) => p.label)).toEqual(['2026-10']);
    expect(listPeriods(plan, Date.UTC(2026, 10, 1)).map((p) => p.label)).toEqual(['2026-10', '2026-11']);
  });

  it('starts periods at local midnight across DST in Europe/Berlin', () => {
    // Summer time begins 2026-03-29, ends 2026-10-25. A plan starting on the spring-forward day:
    const plan = buildPlan({ startDate: '2026-03-29', timeZone: 'Europe/Berlin' });
    const periods = listPeriods(plan, Date.UTC(2026, 9, 29));
    expect(periods[0]?.start).toBe(Date.UTC(2026, 2, 28, 23)); // 00:00 +01:00
    expect(periods[1]?.start).toBe(Date.UTC(2026, 3, 28, 22)); // 00:00 +02:00
    expect(periods[6]?.end).toBe(Date.UTC(2026, 9, 28, 23)); // 2026-10-29 00:00 +01:00
    // 31 days minus the hour skipped on 2026-03-29.
    expect((periods[0]?.end ?? 0) - (periods[0]?.start ?? 0)).toBe(31 * 86_400_000 - 3_600_000);
  });

  it('starts periods at local midnight across DST in America/New_York', () => {
    // Summer time begins 2026-03-08, ends 2026-11-01 (both at 02:00).
    const plan = buildPlan({ startDate: '2026-03-08', timeZone: 'America/New_York' });
    const [march, april] = listPeriods(plan, Date.UTC(2026, 3, 9));
    expect(march?.start).toBe(Date.UTC(2026, 2, 8, 5)); // 00:00 -05:00
    expect(april?.start).toBe(Date.UTC(2026, 3, 8, 4)); // 00:00 -04:00
    const monthly = buildPlan({ startDate: '2026-01-01', timeZone: 'America/New_York' });
    const november = listPeriods(monthly, Date.UTC(2026, 11, 1, 5)).find((p) => p.label === '2026-11');
    expect(november?.start).toBe(Date.UTC(2026, 10, 1, 4)); // still -04:00 at midnight
    expect(november?.end).toBe(Date.UTC(2026, 11, 1, 5)); // -05:00
    expect((november?.end ?? 0) - (november?.start ?? 0)).toBe(30 * 86_400_000 + 3_600_000);
  });
});
