/** The share of `part` in `whole` as a whole percentage clamped to 0–100, for bars. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return Math.min(100, Math.max(0, Math.round((part * 100) / whole)));
}
