import type { PlanCard } from '@contract/index';
import { formatDate } from './dates';

/**
 * The run-out forecast in words, agreeing with the balance beside it: a date already reached reads "Ran out", and a
 * plan with nothing covered left never reads "Lasts the period" (its work may all have started after the forecast's
 * instant, which the forecast's pace does not count yet: docs/ledger.md, the forecast).
 */
export function forecastText(card: Pick<PlanCard, 'forecast' | 'thresholdState' | 'timeZone'>, locale: string): string {
  if (card.forecast === null) return 'No forecast yet';
  const runOutAt = card.forecast.projectedRunOutAt;
  if (runOutAt === null) return card.thresholdState === 'exhausted' ? 'Used up' : 'Lasts the period';
  const date = formatDate(runOutAt, card.timeZone, locale);
  return runOutAt <= card.forecast.asOf ? `Ran out ${date}` : `Runs out ${date}`;
}
