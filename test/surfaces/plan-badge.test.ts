import type { PlanCard } from '../../src/contract';
import { badgeOf } from '../../static/shared/format/badge';
import { periodFiguresOf } from '../../static/project-page/src/period-figures';

const PERIOD_END = Date.parse('2026-12-31T23:00:00Z');
const card = (thresholdState: PlanCard['thresholdState'], projectedRunOutAt: number | null): Pick<PlanCard, 'thresholdState' | 'forecast' | 'period'> => ({
  thresholdState,
  forecast: { asOf: 0, averageDailyBurnSeconds: 3600, projectedUseSeconds: 0, projectedRunOutAt },
  period: { index: 0, label: '2026-12', startDate: '2026-12-01', endDateExclusive: '2027-01-01', start: Date.parse('2026-11-30T23:00:00Z'), end: PERIOD_END },
});

describe('a plan badge', () => {
  it('agrees with the forecast: at risk when it runs out before the period ends, whatever the thresholds say so far', () => {
    expect(badgeOf(card('ok', Date.parse('2026-12-04T12:00:00Z')))).toEqual({ label: 'At risk', tone: 'warning' });
    expect(badgeOf(card('warning', PERIOD_END - 1))).toEqual({ label: 'At risk', tone: 'warning' });
  });

  it('is on track, or a warning past a threshold, when the hours last the period; exhausted when none are left', () => {
    expect(badgeOf(card('ok', null))).toEqual({ label: 'On track', tone: 'ok' });
    expect(badgeOf({ ...card('ok', null), forecast: null })).toEqual({ label: 'On track', tone: 'ok' });
    expect(badgeOf(card('warning', null))).toEqual({ label: 'Warning', tone: 'warning' });
    expect(badgeOf(card('ok', PERIOD_END))).toEqual({ label: 'On track', tone: 'ok' });
    expect(badgeOf(card('exhausted', Date.parse('2026-12-04T12:00:00Z')))).toEqual({ label: 'Exhausted', tone: 'exhausted' });
  });
});

describe('a period in figures', () => {
  const totals = { availableSeconds: 36_000, usedCoveredSeconds: 5400, remainingSeconds: 30_600, overageSeconds: 0, extraSeconds: 1800, nonBillableSeconds: 900, totalMinor: 12_345, currency: 'EUR' };
  const shown = (kind: PlanCard['kind']) => periodFiguresOf(kind, 'en-GB').map((figure) => `${figure.label}: ${figure.value(totals)}`);

  it('shows a pay-as-you-go plan what it billed, never hours available or remaining that it cannot have', () => {
    expect(shown('pay-as-you-go')).toEqual(['Billed: 1.5 h', 'Extra: 0.5 h', 'Non-billable: 0.25 h', 'Total due: €123.45']);
  });

  it('shows a plan with included hours or blocks what was available, used, left and over', () => {
    expect(shown('buckets')).toEqual(['Available: 10 h', 'Used (covered): 1.5 h', 'Remaining: 8.5 h', 'Overage: 0 h', 'Extra: 0.5 h', 'Total due: €123.45']);
  });
});
