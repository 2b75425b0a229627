/**
 * How fast the machine runs JavaScript right now: the median time of a fixed piece of single-threaded work (integer
 * arithmetic, then sorting a million short strings). A virtual machine's speed drifts by a tenth or more from hour
 * to hour; CPU seconds measured at different yardsticks do not compare, so a benchmark prints the yardstick beside
 * its figures.
 */

/** The work, `scale` times its size (1 takes about a second): its result is returned so that the engine cannot drop it. */
function fixedWork(scale: number): number {
  let mixed = 0;
  for (let index = 0; index < 20_000_000 * scale; index += 1) mixed = (mixed * 31 + index) % 1_000_003;
  const words = Array.from({ length: 1_000_000 * scale }, (_, index) => String((index * 7_919) % 1_000_003));
  words.sort();
  return mixed + (words[0]?.length ?? 0);
}

export interface Yardstick {
  /** The median of the runs, in milliseconds: lower is faster. */
  readonly milliseconds: number;
  /** What the work computed, the same on every machine. */
  readonly checksum: number;
}

export function speedYardstick(options: { readonly runs?: number; readonly scale?: number } = {}): Yardstick {
  const { runs = 3, scale = 1 } = options;
  let checksum = 0;
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    checksum = fixedWork(scale);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return { milliseconds: times[Math.floor(times.length / 2)] ?? 0, checksum };
}
