/**
 * The ledger's entries of one period, and the plan's worklogs outside its periods, as stored chunks: a chunk
 * lists each of its issues once (key, summary, billing class) and its entries as tuples, in the ledger's order,
 * and ends before it passes `ENTRY_CHUNK_MAX_BYTES`, so a period of any size is as many values as it takes. A chunk
 * is named by its content, so whoever finds a chunk under the name a statement source gives finds that content.
 */
import * as z from 'zod';
import { cutByBytes } from '../../collections/cut-by-bytes';
import type { LedgerEntry } from '../../ledger';
import type { BillingClass, ChargedSegment, ChargedWork, OutOfPlanWorklog } from '../../ledger/types';
import { sha256Hex } from '../closing/canonical-json';
import { utf8Length } from '../../collections/utf8-length';
import type { JsonValue } from '../ports/store';

/** 25 chunks fit in one transaction (4 MB); a period of 1,000 worklogs is about one chunk. */
export const ENTRY_CHUNK_MAX_BYTES = 128 * 1024;

const billingClass = z.enum(['covered', 'extra', 'non-billable']);
const seconds = z.int().nonnegative();

/** Issue id → `[issue key, issue summary, billing class]`. */
const issueRowsSchema = z.record(z.string(), z.tuple([z.string().nullable(), z.string().nullable(), billingClass]));
/** A multiplier segment: `[started, raw seconds, rounded seconds, rule name or null, factor permille, charged seconds]` */
const segmentTuple = z.tuple([z.int(), seconds, seconds, z.string().nullable(), z.int(), seconds]);
/**
 * `[worklog id, issue id, author account id, started, raw seconds, rounded seconds]`, and the segments where a
 * multiplier applied (chunks stored before multipliers never have them).
 */
const entryTuple = z.union([
  z.tuple([z.string(), z.string(), z.string().nullable(), z.int(), seconds, seconds]),
  z.tuple([z.string(), z.string(), z.string().nullable(), z.int(), seconds, seconds, z.array(segmentTuple).min(1)]),
]);
/** `[worklog id, issue id, started, reason]` */
const outTuple = z.tuple([z.string(), z.string(), z.int(), z.enum(['before-plan-start', 'after-plan-end'])]);

const entryChunkSchema = z.object({ issues: issueRowsSchema, entries: z.array(entryTuple) });
const outChunkSchema = z.object({ outOfPlan: z.array(outTuple) });

type IssueRow = [string | null, string | null, BillingClass];
type EntryTuple = z.infer<typeof entryTuple>;
type SegmentTuple = z.infer<typeof segmentTuple>;
type OutTuple = z.infer<typeof outTuple>;

export interface EntryChunk {
  /** Names the content: part of the chunk's key. */
  readonly id: string;
  readonly value: JsonValue;
}

const bytesOf = (value: unknown): number => utf8Length(JSON.stringify(value)) + 1;

async function named(value: JsonValue): Promise<EntryChunk> {
  return { id: (await sha256Hex(JSON.stringify(value))).slice(0, 24), value };
}

const issueRowOf = (entry: LedgerEntry): IssueRow => [entry.issueKey ?? null, entry.issueSummary ?? null, entry.billingClass];
const segmentTupleOf = (segment: ChargedSegment): SegmentTuple => [
  segment.started,
  segment.rawSeconds,
  segment.roundedSeconds,
  segment.rule ?? null,
  segment.factorPermille,
  segment.chargedSeconds,
];

function entryTupleOf(entry: LedgerEntry): EntryTuple {
  const tuple = [entry.worklogId, entry.issueId, entry.authorAccountId, entry.started, entry.rawSeconds, entry.roundedSeconds] as const;
  return entry.segments === undefined ? [...tuple] : [...tuple, entry.segments.map(segmentTupleOf)];
}

/** The line fields multipliers add, in the ledger's own field order (charge-worklog's segments). */
function chargedWork(segments: readonly SegmentTuple[] | undefined): Partial<ChargedWork> {
  if (segments === undefined) return {};
  const decoded = segments.map(
    ([started, rawSeconds, roundedSeconds, rule, factorPermille, chargedSeconds]): ChargedSegment => ({
      started,
      rawSeconds,
      roundedSeconds,
      ...(rule === null ? {} : { rule }),
      factorPermille,
      chargedSeconds,
    }),
  );
  return { chargedSeconds: decoded.reduce((sum, segment) => sum + segment.chargedSeconds, 0), segments: decoded };
}

/** A period's entries (in the ledger's order) as chunks, in order. */
export async function entryChunks(entries: readonly LedgerEntry[]): Promise<EntryChunk[]> {
  const runs = cutByBytes(entries, ENTRY_CHUNK_MAX_BYTES, () => {
    const listed = new Set<string>();
    return (entry) => {
      const issueBytes = listed.has(entry.issueId) ? 0 : bytesOf([entry.issueId, issueRowOf(entry)]);
      listed.add(entry.issueId);
      return bytesOf(entryTupleOf(entry)) + issueBytes;
    };
  });
  return Promise.all(
    runs.map((run) =>
      named({
        issues: Object.fromEntries(run.map((entry) => [entry.issueId, issueRowOf(entry)])),
        entries: run.map(entryTupleOf),
      }),
    ),
  );
}

/** The plan's worklogs outside its periods (in the ledger's order) as chunks, in order. */
export async function outOfPlanChunks(outOfPlan: readonly OutOfPlanWorklog[]): Promise<EntryChunk[]> {
  const tupleOf = (worklog: OutOfPlanWorklog): OutTuple => [worklog.worklogId, worklog.issueId, worklog.started, worklog.reason];
  const runs = cutByBytes(outOfPlan, ENTRY_CHUNK_MAX_BYTES, () => (worklog) => bytesOf(tupleOf(worklog)));
  return Promise.all(runs.map((run) => named({ outOfPlan: run.map(tupleOf) })));
}

/** The entries of a stored chunk, exactly as the ledger filed them; undefined when it is not one. */
export function decodeEntryChunk(value: JsonValue | undefined): LedgerEntry[] | undefined {
  const parsed = entryChunkSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { issues, entries } = parsed.data;
  const decoded: LedgerEntry[] = [];
  for (const [worklogId, issueId, authorAccountId, started, rawSeconds, roundedSeconds, segments] of entries) {
    const issue = issues[issueId];
    if (issue === undefined) return undefined;
    const [issueKey, issueSummary, entryClass] = issue;
    // The ledger's own field order (prepare-worklogs' toEntry), so a statement from these entries is the same text.
    decoded.push({
      worklogId,
      issueId,
      issueKey: issueKey ?? undefined,
      ...(issueSummary === null ? {} : { issueSummary }),
      authorAccountId,
      started,
      billingClass: entryClass,
      rawSeconds,
      roundedSeconds,
      ...chargedWork(segments),
    });
  }
  return decoded;
}

/** The out-of-plan worklogs of a stored chunk; undefined when it is not one. */
export function decodeOutOfPlanChunk(value: JsonValue | undefined): OutOfPlanWorklog[] | undefined {
  const parsed = outChunkSchema.safeParse(value);
  return parsed.success ? parsed.data.outOfPlan.map(([worklogId, issueId, started, reason]) => ({ worklogId, issueId, started, reason })) : undefined;
}
