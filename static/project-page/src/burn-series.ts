const DAY_MS = 86_400_000;

export interface BurnInput {
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly lines: readonly { readonly started: number; readonly coveredSeconds: number }[];
}

/**
 * Cumulative covered seconds at the end of each day of the period (day 0 = the period's first
 * 24 hours), for the burn chart.
 *
 * @example burnSeries({ periodStart: 0, periodEnd: 2 * DAY_MS, lines: [{ started: 1, coveredSeconds: 60 }] }) // [60, 60]
 */
export function burnSeries({ periodStart, periodEnd, lines }: BurnInput): number[] {
  const days = Math.max(1, Math.ceil((periodEnd - periodStart) / DAY_MS));
  const perDay = new Array<number>(days).fill(0);
  for (const line of lines) {
    const day = Math.min(days - 1, Math.max(0, Math.floor((line.started - periodStart) / DAY_MS)));
    perDay[day] = (perDay[day] ?? 0) + line.coveredSeconds;
  }
  let total = 0;
  return perDay.map((seconds) => (total += seconds));
}

/** Days from the period's start to `asOf`, within the period. */
export function elapsedDays(periodStart: number, periodEnd: number, asOf: number): number {
  return Math.min(Math.ceil((periodEnd - periodStart) / DAY_MS), Math.max(0, Math.ceil((asOf - periodStart) / DAY_MS)));
}
