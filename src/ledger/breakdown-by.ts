import { sumLines } from './sum-lines';
import type { Breakdown, WorklogLine } from './types';

/** The breakdown by person's key for work without an author. */
export const NO_AUTHOR_KEY = 'unknown';

/**
 * Sums worklog lines per key, sorted by key (code-unit order).
 *
 * @example
 * breakdownBy(lines, (line) => line.authorAccountId ?? 'unknown')
 * // [{ key: 'alice', rawSeconds: 3600, …, worklogCount: 2 }, { key: 'unknown', … }]
 */
export function breakdownBy(lines: readonly WorklogLine[], keyOf: (line: WorklogLine) => string): Breakdown[] {
  const groups = new Map<string, WorklogLine[]>();
  for (const line of lines) {
    const key = keyOf(line);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [line]);
    else group.push(line);
  }
  return [...groups.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => ({ key, ...sumLines(groups.get(key) ?? []) }));
}
