import type { WorklogLine } from './types';

/** The one factor a worklog line was charged at, and the rule that set it. */
export interface LineFactor {
  readonly factorPermille: number;
  readonly rule?: string;
}

/**
 * The factor of a whole line: its one segment's; ×1 for billable work no multiplier changed; null for non-billable
 * work and for a line cut into several segments (each has its own).
 *
 * @example
 * lineFactor({ …, billingClass: 'covered' }) // { factorPermille: 1000 }
 * lineFactor({ …, segments: [{ …, rule: 'After hours', factorPermille: 1500 }] }) // { factorPermille: 1500, rule: 'After hours' }
 */
export function lineFactor(line: Pick<WorklogLine, 'billingClass' | 'segments'>): LineFactor | null {
  const segments = line.segments ?? [];
  const [only] = segments;
  if (only !== undefined && segments.length === 1) return { factorPermille: only.factorPermille, ...(only.rule === undefined ? {} : { rule: only.rule }) };
  return segments.length === 0 && line.billingClass !== 'non-billable' ? { factorPermille: 1000 } : null;
}
