/**
 * A refresh's view of the plan's closed periods: from the summary the last refresh left (see
 * docs/internals/figures.md, "Closed periods"), which closed periods the replay must go through
 * again (and so whose frozen statements it reads), where it resumes, and the summary to leave.
 */
import { periodReplayInputs, PLAN_START, type PreparedLedger, type ReplayCheckpoint, type ResumedHistory, type ResumePoint } from '../../ledger';
import type { ClosedPeriod, Statement } from '../../ledger/types';
import { sha256Hex } from '../closing/canonical-json';
import { loadFrozenPeriods } from '../closing/closed-statements';
import { listPeriodStates } from '../closing/closing-repository';
import type { JsonValue, Store } from '../ports/store';
import { toJsonValue } from '../plans/to-json-value';
import { shardsOf } from '../aggregates/shard-of';
import { closedSummaryKey, closedUsageKey, closedUsagePrefix, closedUsageSetPrefix, periodFiguresKey } from './figures-keys';
import { closedSummarySchema, closedUsageShardSchema, type ClosedPeriodSummary, type ClosedSummary, type ClosedUsageShard, type UsageTuple } from './figures-records';
import { subtractUsage, usageByIssue } from './usage-tuples';

/** A closed period: its label, frozen version in force and index among the plan's periods. */
interface ClosedRef {
  readonly label: string;
  readonly version: number;
  readonly index: number;
}

export interface ClosedHistory {
  /** The plan's closed periods, oldest first. */
  readonly closed: readonly ClosedRef[];
  /** Aligned with `closed`: the SHA-256 of each one's replay inputs now; empty when the closed periods are not the plan's first (no summary then). */
  readonly inputs: readonly string[];
  /** The summary resumed from, or undefined when the replay starts at the plan's first period. */
  readonly summary: ClosedSummary | undefined;
  readonly from: ResumePoint;
  /** The frozen statements of the closed periods from `from` on, oldest first. */
  readonly frozen: readonly ClosedPeriod[];
  /** Each issue's usage (frozen lines and the late adjustments they booked) through the period before `from`. */
  readonly usageBefore: ReadonlyMap<string, UsageTuple>;
}

/** The summary's usage shards, put together; undefined when one is missing or malformed. */
function summaryUsage(existing: ReadonlyMap<string, JsonValue>, planId: string, summary: ClosedSummary): Map<string, UsageTuple> | undefined {
  const issues = new Map<string, UsageTuple>();
  for (let shard = 0; shard < summary.usageShardCount; shard += 1) {
    const parsed = closedUsageShardSchema.safeParse(existing.get(closedUsageKey(planId, summary.usageId, shard)));
    if (!parsed.success) return undefined;
    for (const [issueId, usage] of Object.entries(parsed.data)) issues.set(issueId, usage);
  }
  return issues;
}

/** The stored summary, when it still describes the first of the plan's closed periods, version for version. */
function resumableSummary(existing: ReadonlyMap<string, JsonValue>, planId: string, closed: readonly ClosedRef[]): ClosedSummary | undefined {
  const parsed = closedSummarySchema.safeParse(existing.get(closedSummaryKey(planId)));
  if (!parsed.success || parsed.data.periods.length > closed.length) return undefined;
  const matches = parsed.data.periods.every((period, position) => period.label === closed[position]?.label && period.version === closed[position].version);
  return matches ? parsed.data : undefined;
}

/** Labels of the closed periods the statements book late adjustments for. */
function bookedFor(statements: readonly Statement[]): Set<string> {
  return new Set(statements.flatMap((statement) => [...statement.lateAdjustments, ...statement.adjustmentCharges].map((item) => item.periodLabel)));
}

/**
 * Where a refresh's replay of the prepared periods can start, and the frozen statements it needs.
 * A closed period from the summary is skipped, its frozen statement unread, while it is settled,
 * its replay inputs are unchanged (so are those of every period before it), no statement closed
 * since booked anything for it and its stored figures are there; the replay resumes at the
 * first period that is not, from the checkpoint the summary keeps for the period before, and
 * no later than `resumeBy` (the refresh needs the statements from there on).
 */
export async function loadClosedHistory(
  store: Store,
  planId: string,
  prepared: PreparedLedger,
  existing: ReadonlyMap<string, JsonValue>,
  resumeBy: number,
): Promise<ClosedHistory> {
  const indexOf = new Map(prepared.periods.map((period) => [period.label, period.index]));
  const closed = [...(await listPeriodStates(store, planId)).values()]
    .filter((state) => state.status === 'closed')
    .flatMap((state): ClosedRef[] => {
      const index = indexOf.get(state.periodLabel);
      return index === undefined ? [] : [{ label: state.periodLabel, version: state.version, index }];
    })
    .sort((a, b) => a.index - b.index);
  const load = (refs: readonly ClosedRef[]) => loadFrozenPeriods(store, planId, refs.map(({ label, version }) => ({ periodLabel: label, version })));
  const fromStart = async (inputs: readonly string[]): Promise<ClosedHistory> => ({ closed, inputs, summary: undefined, from: PLAN_START, frozen: await load(closed), usageBefore: new Map() });

  if (!closed.every((ref, position) => ref.index === position)) return fromStart([]);
  const inputs = await Promise.all(closed.map((ref) => sha256Hex(periodReplayInputs(prepared, ref.index))));
  const summary = resumableSummary(existing, planId, closed);
  const usage = summary && summaryUsage(existing, planId, summary);
  if (summary === undefined || usage === undefined) return fromStart(inputs);

  const known = summary.periods.length;
  const closedSince = await load(closed.slice(known));
  const booked = bookedFor(closedSince.map((period) => period.statement));
  const stale = summary.periods.findIndex(
    (period, position) => !period.settled || period.inputs !== inputs[position] || booked.has(period.label) || !existing.has(periodFiguresKey(planId, period.label)),
  );
  const start = Math.max(0, Math.min(stale === -1 ? known : stale, resumeBy, known));
  const replayedAgain = await load(closed.slice(start, known));
  const usageBefore = subtractUsage(
    usage,
    replayedAgain.map((period) => usageByIssue(period.statement)),
  );
  const checkpoint: ReplayCheckpoint | undefined = start === 0 ? PLAN_START.checkpoint : summary.periods[start - 1]?.closing;
  if (checkpoint === undefined) return fromStart(inputs);
  return { closed, inputs, summary, from: { index: start, checkpoint }, frozen: [...replayedAgain, ...closedSince], usageBefore };
}

/** What a refresh leaves of the closed periods: each one's summary and each issue's usage through the last of them. */
export interface ClosedSummaryUpdate {
  readonly periods: readonly ClosedPeriodSummary[];
  readonly usage: ReadonlyMap<string, UsageTuple>;
}

/**
 * The summary of the plan's closed periods after the replay `resumed` (from `history.from`), with
 * each issue's usage through the last of them as the replay summed it (`closedUsage`):
 * periods before it as the summary had them, the others as replayed now. A period is settled
 * when the first open period after it booked nothing for it, or when no open period followed in
 * the replay (one can only appear by a reopen, which changes the closed versions, or by a plan
 * change, which changes every period's replay inputs: both make the next refresh replay it).
 *
 * @returns undefined when the closed periods are not the plan's first (no summary is kept then)
 */
export function summariseClosed(history: ClosedHistory, resumed: ResumedHistory, closedUsage: ReadonlyMap<string, UsageTuple>): ClosedSummaryUpdate | undefined {
  const { closed, inputs, from } = history;
  if (inputs.length !== closed.length) return undefined;
  const firstOpen = resumed.statements[closed.length - from.index];
  const unsettled = firstOpen === undefined ? new Set<string>() : bookedFor([firstOpen]);
  const periods = closed.map((ref, position): ClosedPeriodSummary | undefined => {
    if (position < from.index) return history.summary?.periods[position];
    const closing = resumed.closings[position - from.index];
    const input = inputs[position];
    if (closing === undefined || input === undefined) return undefined;
    return { label: ref.label, version: ref.version, inputs: input, settled: !unsettled.has(ref.label), closing: { alive: [...closing.alive], blocksTaken: closing.blocksTaken } };
  });
  if (!periods.every((period) => period !== undefined)) return undefined;
  return { periods, usage: closedUsage };
}

export interface ClosedSummaryRecords {
  readonly summary: ClosedSummary;
  readonly shards: readonly [string, JsonValue][];
  readonly summaryRecord: readonly [string, JsonValue];
}

/** About 1,000 issues a shard keeps a usage shard near 40 KB. */
const CLOSED_ISSUES_PER_SHARD = 1000;

/**
 * The records of the summary, the usage shards first and the summary last (it names them). The
 * usage adds up frozen statements only, so its shards are keyed by the closed versions it covers.
 */
export async function closedSummaryRecords(planId: string, update: ClosedSummaryUpdate): Promise<ClosedSummaryRecords> {
  const usageId = (await sha256Hex(JSON.stringify(update.periods.map((period) => [period.label, period.version])))).slice(0, 16);
  const usageShardCount = Math.ceil(update.usage.size / CLOSED_ISSUES_PER_SHARD);
  const shards: ClosedUsageShard[] = shardsOf(update.usage, usageShardCount);
  const summary: ClosedSummary = { periods: [...update.periods], usageId, usageShardCount };
  return {
    summary,
    shards: shards.map((shard, index): [string, JsonValue] => [closedUsageKey(planId, usageId, index), toJsonValue(shard)]),
    summaryRecord: [closedSummaryKey(planId), toJsonValue(summary)],
  };
}

/** Whether `key` is a usage shard the summary does not name. */
export function isUnusedClosedUsage(planId: string, summary: ClosedSummary | undefined, key: string): boolean {
  return key.startsWith(closedUsagePrefix(planId)) && (summary === undefined || !key.startsWith(closedUsageSetPrefix(planId, summary.usageId)));
}
