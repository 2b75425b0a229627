const DAY_MS = 86_400_000;

/**
 * Cumulative covered seconds at the end of each day of the period, from the covered seconds of each day.
 *
 * @example burnSeries([60, 0, 40, 0]) // [60, 60, 100, 100]
 */
export function burnSeries(dailyCoveredSeconds: readonly number[]): number[] {
  let total = 0;
  return dailyCoveredSeconds.map((seconds) => (total += seconds));
}

/** Days from the period's start to `asOf`, within the period. */
export function elapsedDays(periodStart: number, periodEnd: number, asOf: number): number {
  return Math.min(Math.ceil((periodEnd - periodStart) / DAY_MS), Math.max(0, Math.ceil((asOf - periodStart) / DAY_MS)));
}
