import { periodByLabel } from './period-by-label';
import { buildPlan } from './test-builders';

describe('periodByLabel', () => {
  it('names a period by the month it starts in', () => {
    const plan = buildPlan({ startDate: '2026-01-15', period: 'quarter' });
    expect(periodByLabel(plan, '2026-04')).toEqual({
      index: 1,
      label: '2026-04',
      startDate: '2026-04-15',
      endDateExclusive: '2026-07-15',
      start: Date.UTC(2026, 3, 15),
      end: Date.UTC(2026, 6, 15),
    });
  });

  it('is null for months no period starts in', () => {
    const plan = buildPlan({ startDate: '2026-01-15', endDate: '2026-12-31', period: 'quarter' });
    expect(periodByLabel(plan, '2026-05')).toBeNull();
    expect(periodByLabel(plan, '2025-10')).toBeNull();
    expect(periodByLabel(plan, '2027-01')).toBeNull();
    expect(periodByLabel(plan, '2026-13')).toBeNull();
    expect(periodByLabel(plan, 'October')).toBeNull();
  });

  it('finds the period cut by the end date and nothing after it', () => {
    const plan = buildPlan({ startDate: '2026-01-01', endDate: '2026-03-10' });
    expect(periodByLabel(plan, '2026-03')?.endDateExclusive).toBe('2026-03-11');
    expect(periodByLabel(plan, '2026-04')).toBeNull();
  });

  it('refuses month 00 rather than reading it as December of the year before', () => {
    expect(periodByLabel(buildPlan({ startDate: '2025-12-01' }), '2026-00')).toBeNull();
  });

  it('finds yearly periods', () => {
    const plan = buildPlan({ startDate: '2028-02-29', period: 'year' });
    expect(periodByLabel(plan, '2029-02')?.startDate).toBe('2029-02-28');
    expect(periodByLabel(plan, '2029-03')).toBeNull();
  });
});
