import type { PlanCard } from '../../src/contract';
import { forecastText } from '../../static/shared/format/forecast';

const AS_OF = Date.parse('2026-11-16T12:00:00Z');
const card = (thresholdState: PlanCard['thresholdState'], projectedRunOutAt: number | null): Pick<PlanCard, 'forecast' | 'thresholdState' | 'timeZone'> => ({
  thresholdState,
  timeZone: 'Europe/Berlin',
  forecast: { asOf: AS_OF, averageDailyBurnSeconds: 3600, projectedUseSeconds: 0, projectedRunOutAt },
});

describe('the forecast in words', () => {
  it('says when the hours run out, in the plan\'s zone, and that they ran out once that date is past', () => {
    expect(forecastText(card('warning', Date.parse('2026-11-20T23:30:00Z')), 'en-GB')).toBe('Runs out 21 Nov 2026');
    expect(forecastText(card('exhausted', Date.parse('2026-11-10T09:00:00Z')), 'en-GB')).toBe('Ran out 10 Nov 2026');
    expect(forecastText(card('exhausted', AS_OF), 'en-GB')).toBe('Ran out 16 Nov 2026');
  });

  it('says the hours last the period only while some are left', () => {
    expect(forecastText(card('ok', null), 'en-GB')).toBe('Lasts the period');
    expect(forecastText(card('exhausted', null), 'en-GB')).toBe('Used up');
    expect(forecastText({ ...card('ok', null), forecast: null }, 'en-GB')).toBe('No forecast yet');
  });
});
