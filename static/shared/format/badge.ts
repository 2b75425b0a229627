import type { PlanCard } from '@contract/index';

export interface Badge {
  readonly label: 'On track' | 'At risk' | 'Warning' | 'Exhausted';
  /** The colour: good, a warning, or a danger. */
  readonly tone: 'ok' | 'warning' | 'exhausted';
}

/**
 * What a plan's badge says: exhausted when nothing covered is left; at risk when the forecast runs out before the
 * period ends (the forecast is only ever a date inside the period); a warning once a threshold is crossed; else on
 * track. So the badge never says "On track" beside "Runs out Dec 4" in a period that ends Dec 31.
 */
export function badgeOf(card: Pick<PlanCard, 'thresholdState' | 'forecast' | 'period'>): Badge {
  if (card.thresholdState === 'exhausted') return { label: 'Exhausted', tone: 'exhausted' };
  const runOutAt = card.forecast?.projectedRunOutAt ?? null;
  if (runOutAt !== null && runOutAt < card.period.end) return { label: 'At risk', tone: 'warning' };
  if (card.thresholdState === 'warning') return { label: 'Warning', tone: 'warning' };
  return { label: 'On track', tone: 'ok' };
}
