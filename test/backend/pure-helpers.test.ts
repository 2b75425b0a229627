import { diffJson } from '../../src/app/plans/diff-json';
import { daysLeft } from '../../src/app/usage/days-left';
import { reportingPeriod } from '../../src/app/usage/reporting-period';
import { planInputSchema } from '../../src/contract';
import { planInput } from './support/backend-fixture';

const plan = planInputSchema.parse(planInput({ endDate: '2026-12-31' }));

describe('diffJson', () => {
  it('lists changed, added and removed leaves with dotted paths; arrays whole', () => {
    expect(diffJson({ a: 1, b: { c: 2, d: [1] }, gone: true }, { a: 1, b: { c: 3, d: [1, 2] }, added: 'x' })).toEqual([
      { path: 'added', after: 'x' },
      { path: 'b.c', before: 2, after: 3 },
      { path: 'b.d', before: [1], after: [1, 2] },
      { path: 'gone', before: true },
    ]);
  });

  it('finds nothing between equal values', () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});

describe('reportingPeriod', () => {
  it('is the period containing now, read in the plan\'s time zone', () => {
    expect(reportingPeriod(plan, Date.parse('2026-10-31T23:30:00Z')).label).toBe('2026-11');
  });

  it('is the first period before the plan starts and the last after it ends', () => {
    expect(reportingPeriod(plan, Date.parse('2026-01-15T00:00:00Z')).label).toBe('2026-09');
    expect(reportingPeriod(plan, Date.parse('2027-06-01T00:00:00Z')).label).toBe('2026-12');
  });
});

describe('daysLeft', () => {
  const october = reportingPeriod(plan, Date.parse('2026-10-15T12:00:00Z'));

  it('counts local days to the period\'s end, today included', () => {
    expect(daysLeft(october, Date.parse('2026-10-20T12:00:00Z'), 'Europe/Berlin')).toBe(12);
    expect(daysLeft(october, Date.parse('2026-10-30T23:30:00Z'), 'Europe/Berlin')).toBe(1);
  });

  it('is the whole period before it starts and 0 after it ends', () => {
    expect(daysLeft(october, Date.parse('2026-09-10T12:00:00Z'), 'Europe/Berlin')).toBe(31);
    expect(daysLeft(october, Date.parse('2026-11-02T12:00:00Z'), 'Europe/Berlin')).toBe(0);
  });
});
