/**
 * What a refresh leaves so that one open period's detailed statement can be read without the rest of the plan
 * (see docs/internals/figures.md, "Statements"): per open period a source record, and the ledger's entries of the
 * periods those sources name, in chunks named by their content.
 */
import { PLAN_START, type PreparedLedger, type ReplayCheckpoint, type ResumedHistory, type ResumePoint } from '../../ledger';
import { toJsonValue } from '../plans/to-json-value';
import type { JsonValue } from '../ports/store';
import type { ClosedHistory } from './closed-history';
import { entryChunks, outOfPlanChunks, type EntryChunk } from './entry-chunks';
import { entryChunkKey, statementSourceKey, statementSourcePrefix } from './figures-keys';
import { statementSourceSchema, type ClosedPeriodSummary, type StatementSource } from './figures-records';

export interface StatementSourceRecords {
  /** Each open period's source record, by key. */
  readonly sources: ReadonlyMap<string, JsonValue>;
  /** Every chunk the sources name, by key. */
  readonly chunks: ReadonlyMap<string, JsonValue>;
}

const NO_SOURCES: StatementSourceRecords = { sources: new Map(), chunks: new Map() };

/**
 * The statement sources of the replay `resumed` (from `history.from`): one for each open period prepared, which
 * resumes at the period itself, except the first open one while closed periods before it wait for late
 * adjustments (not `settled` in `closedPeriods`, the summary this refresh leaves): it resumes at the first of
 * those, with their frozen statements. None when the closed periods are not the plan's first (no summary then).
 */
export async function statementSourceRecords(
  planId: string,
  planVersion: number,
  prepared: PreparedLedger,
  history: ClosedHistory,
  resumed: ResumedHistory,
  closedPeriods: readonly ClosedPeriodSummary[] | undefined,
): Promise<StatementSourceRecords> {
  const { closed, from } = history;
  if (closedPeriods?.length !== closed.length) return NO_SOURCES;
  const firstOpen = closed.length;
  const unsettled = closedPeriods.findIndex((period) => !period.settled);
  const firstNeeded = unsettled === -1 ? firstOpen : unsettled;
  const opening = (index: number): ReplayCheckpoint | undefined => {
    if (index === from.index) return from.checkpoint;
    if (index > from.index) return resumed.closings[index - 1 - from.index];
    return index === 0 ? PLAN_START.checkpoint : closedPeriods[index - 1]?.closing;
  };

  const chunks = new Map<string, JsonValue>();
  const chunkIds = async (part: string, made: Promise<EntryChunk[]>): Promise<string[]> => {
    const named = await made;
    for (const chunk of named) chunks.set(entryChunkKey(planId, part, chunk.id), chunk.value);
    return named.map((chunk) => chunk.id);
  };
  const outOfPlan = await chunkIds('out', outOfPlanChunks(prepared.outOfPlan));
  const periodChunks: StatementSource['periods'] = [];
  for (const period of prepared.periods.slice(firstNeeded)) {
    periodChunks.push({ label: period.label, chunks: await chunkIds(period.label, entryChunks(prepared.entriesByPeriod[period.index] ?? [])) });
  }

  const sources = new Map<string, JsonValue>();
  for (let index = firstOpen; index < prepared.periods.length; index += 1) {
    const start = index === firstOpen ? firstNeeded : index;
    const checkpoint = opening(start);
    const period = prepared.periods[index];
    if (checkpoint === undefined || period === undefined) return NO_SOURCES;
    const frozen = closed.slice(start, firstOpen).map((ref) => ({ label: ref.label, version: ref.version }));
    const source = statementSource(planVersion, { index: start, checkpoint }, frozen, periodChunks.slice(start - firstNeeded, index + 1 - firstNeeded), outOfPlan);
    sources.set(statementSourceKey(planId, period.label), toJsonValue(source));
  }
  return { sources, chunks };
}

/** A period's source: its replay resumes at `from` with the `frozen` statements, over the entries in the chunks named. */
export function statementSource(
  planVersion: number,
  from: ResumePoint,
  frozen: StatementSource['frozen'],
  periods: StatementSource['periods'],
  outOfPlan: readonly string[],
): StatementSource {
  const { checkpoint } = from;
  return { planVersion, from: { index: from.index, checkpoint: { alive: [...checkpoint.alive], blocksTaken: checkpoint.blocksTaken } }, frozen, periods, outOfPlan: [...outOfPlan] };
}

/** The keys of the chunks the source records among `records` name (other records are passed over). */
export function chunksNamedBy(planId: string, records: ReadonlyMap<string, JsonValue | undefined>): Set<string> {
  const named = new Set<string>();
  for (const [key, value] of records) {
    if (!key.startsWith(statementSourcePrefix(planId))) continue;
    const parsed = statementSourceSchema.safeParse(value);
    if (!parsed.success) continue;
    for (const period of parsed.data.periods) for (const id of period.chunks) named.add(entryChunkKey(planId, period.label, id));
    for (const id of parsed.data.outOfPlan) named.add(entryChunkKey(planId, 'out', id));
  }
  return named;
}
