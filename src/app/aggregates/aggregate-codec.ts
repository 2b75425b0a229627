/**
 * The aggregates' stored layout, and the only module that knows it. A 100,000-worklog plan must fit in parts of
 * at most 240 KiB, so the records are compact: an issue's entry is `{ k, s, b, w, d, x? }` (key, summary, billing
 * class, worklogs, tombstones, `x`: `'replace'` when the entry replaces every earlier entry of the issue in its
 * shard, `'gone'` when the issue left the plan, and `a`: the issue's priority `p`, issue type `t` and request type `r`
 * over time, each `[value before the first change, [epoch ms, value]…]`), a worklog a tuple `[started as Jira wrote it, seconds, author
 * account id, updated epoch ms]`, a part `{ i: issue id → entry, n? }` (`n`: in a shard's recent value, how many
 * recent values the shard has sealed), and an issue → plan link the tuple `[plan, billing class, issue key]`.
 * Everything else reads and builds them through the named functions here, on opaque types, so the letters and
 * tuple positions can change in one place (an ESLint rule keeps other modules from reading them).
 *
 * An issue may have several entries in one shard (docs/internals/storage.md): `mergeEntries` is what they mean
 * together, read in key order. Every decode is validated: stored data may have been written by an older release,
 * whose parts are this layout without `x` and `n` (and releases before multipliers, without `a`).
 */
import * as z from 'zod';
import { utf8Length } from '../../collections/utf8-length';
import { parseJiraInstant } from '../../ledger/parse-jira-instant';
import type { BillingClass, IssueLink, JiraWorklog } from '../../ledger/types';
import type { PlanInternalId } from '../plans/plan-identity';
import type { JsonValue } from '../ports/store';
import { mergeAttributeHistories, NO_HISTORY, type AttributeField, type AttributeHistory, type FieldTimeline } from './attribute-history';

const billingClassSchema = z.enum(['covered', 'extra', 'non-billable']);

const worklogRecordSchema = z.tuple([z.string(), z.number().int().nonnegative(), z.string().nullable(), z.number().int()]);

const timelineSchema = z.tuple([z.string().nullable()], z.tuple([z.number().int(), z.string().nullable()]));

const attributesSchema = z.object({ p: timelineSchema.optional(), t: timelineSchema.optional(), r: timelineSchema.optional() });

const issueEntrySchema = z.object({
  k: z.string(),
  s: z.string(),
  b: billingClassSchema,
  w: z.record(z.string(), worklogRecordSchema),
  d: z.record(z.string(), z.number().int()),
  x: z.enum(['replace', 'gone']).optional(),
  a: attributesSchema.optional(),
});

const aggregatePartSchema = z.object({ i: z.record(z.string(), issueEntrySchema), n: z.number().int().nonnegative().optional() });

const storedLinkSchema = z.tuple([z.string(), billingClassSchema, z.string()]);

const linkShardSchema = z.record(z.string(), storedLinkSchema);

type WorklogRecord = z.infer<typeof worklogRecordSchema>;
type RawAttributes = z.infer<typeof attributesSchema>;
type RawTimeline = z.infer<typeof timelineSchema>;
type RawEntry = z.infer<typeof issueEntrySchema>;
type RawPart = z.infer<typeof aggregatePartSchema>;
type RawLink = z.infer<typeof storedLinkSchema>;
type RawLinkShard = z.infer<typeof linkShardSchema>;

declare const encoded: unique symbol;

/** One issue's entry in a plan's aggregate: its facts, each worklog's latest version by id, and tombstones of deleted ones. */
export interface IssueEntry {
  readonly [encoded]: 'issue-entry';
}

/** One stored value of a plan's aggregate: entries of some of its issues. */
export interface AggregatePart {
  readonly [encoded]: 'aggregate-part';
}

/** Which plan (internal id) an issue counts against, with its billing class and key. */
export interface StoredLink {
  readonly [encoded]: 'stored-link';
}

/** One legacy value of the issue → plan links, which this release reads and no longer writes. */
export interface LinkShard {
  readonly [encoded]: 'link-shard';
}

// The opaque types above are these shapes at run time; only this module converts between the two.
const entryShape = (entry: IssueEntry): RawEntry => entry as unknown as RawEntry;
const asEntry = (raw: RawEntry): IssueEntry => raw as unknown as IssueEntry;
const partShape = (part: AggregatePart): RawPart => part as unknown as RawPart;
const asPart = (raw: RawPart): AggregatePart => raw as unknown as AggregatePart;
const linkShape = (link: StoredLink): RawLink => link as unknown as RawLink;
const asLink = (raw: RawLink): StoredLink => raw as unknown as StoredLink;
const shardShape = (shard: LinkShard): RawLinkShard => shard as unknown as RawLinkShard;
const asShard = (raw: RawLinkShard): LinkShard => raw as unknown as LinkShard;

/** What an entry says about its issue. */
export interface IssueFacts {
  readonly billingClass: BillingClass;
  /** Empty when not known. */
  readonly issueKey: string;
  readonly summary: string;
}

// Worklogs

/** The instant a worklog version is kept with (its `updated`; 0 when Jira gave none). */
export function updatedMsOf(worklog: JiraWorklog): number {
  return worklog.updated === undefined ? 0 : parseJiraInstant(worklog.updated, `worklogs[id=${worklog.id}].updated`);
}

function recordOf(worklog: JiraWorklog): WorklogRecord {
  return [worklog.started, worklog.timeSpentSeconds, worklog.author?.accountId ?? null, updatedMsOf(worklog)];
}

function worklogOf(worklogId: string, issueId: string, record: WorklogRecord): JiraWorklog {
  const [started, timeSpentSeconds, accountId, updatedMs] = record;
  return {
    id: worklogId,
    issueId,
    started,
    timeSpentSeconds,
    ...(accountId === null ? {} : { author: { accountId } }),
    updated: new Date(updatedMs).toISOString(),
  };
}

// Entries

/** An entry with these facts and worklogs (at most one version of each id: the caller picks which). */
export function newEntry(facts: IssueFacts, worklogs: Iterable<JiraWorklog> = []): IssueEntry {
  const records: Record<string, WorklogRecord> = {};
  for (const worklog of worklogs) records[worklog.id] = recordOf(worklog);
  return asEntry({ k: facts.issueKey, s: facts.summary, b: facts.billingClass, w: records, d: {} });
}

export function factsOf(entry: IssueEntry): IssueFacts {
  const { k, s, b } = entryShape(entry);
  return { billingClass: b, issueKey: k, summary: s };
}

export function withEntryFacts(entry: IssueEntry, facts: IssueFacts): IssueEntry {
  return asEntry({ ...entryShape(entry), k: facts.issueKey, s: facts.summary, b: facts.billingClass });
}

export function worklogIdsOf(entry: IssueEntry): string[] {
  return Object.keys(entryShape(entry).w);
}

/** The `updated` instant the entry keeps the worklog's version with; undefined when it holds no such worklog. */
export function storedUpdatedMs(entry: IssueEntry, worklogId: string): number | undefined {
  return entryShape(entry).w[worklogId]?.[3];
}

/** The entry's worklogs as the ledger reads them. */
export function worklogsOf(entry: IssueEntry, issueId: string): JiraWorklog[] {
  return Object.entries(entryShape(entry).w).map(([worklogId, record]) => worklogOf(worklogId, issueId, record));
}

/** The entry with this version of the worklog, replacing any other. */
export function withWorklog(entry: IssueEntry, worklog: JiraWorklog): IssueEntry {
  const raw = entryShape(entry);
  return asEntry({ ...raw, w: { ...raw.w, [worklog.id]: recordOf(worklog) } });
}

/** The entry without the worklog, and a tombstone for it deleted at `deletedAt`. */
export function withoutWorklog(entry: IssueEntry, worklogId: string, deletedAt: number): IssueEntry {
  const raw = entryShape(entry);
  const { [worklogId]: _removed, ...kept } = raw.w;
  return asEntry({ ...raw, w: kept, d: { ...raw.d, [worklogId]: deletedAt } });
}

/** When the worklog was deleted; undefined when the entry has no tombstone for it. */
export function tombstoneOf(entry: IssueEntry, worklogId: string): number | undefined {
  return entryShape(entry).d[worklogId];
}

/** Worklog id → when it was deleted. */
export function tombstonesOf(entry: IssueEntry): [string, number][] {
  return Object.entries(entryShape(entry).d);
}

export function withTombstones(entry: IssueEntry, tombstones: readonly (readonly [string, number])[]): IssueEntry {
  return asEntry({ ...entryShape(entry), d: Object.fromEntries(tombstones) });
}

// Attributes

const ATTRIBUTE_LETTERS: readonly (readonly [AttributeField, keyof RawAttributes])[] = [
  ['priority', 'p'],
  ['issueType', 't'],
  ['requestType', 'r'],
];

function historyOfRaw(raw: RawAttributes | undefined): AttributeHistory {
  if (raw === undefined) return NO_HISTORY;
  const history: Partial<Record<AttributeField, FieldTimeline>> = {};
  for (const [field, letter] of ATTRIBUTE_LETTERS) {
    const timeline = raw[letter];
    if (timeline === undefined) continue;
    const [initial, ...changes] = timeline;
    history[field] = { initial, changes };
  }
  return history;
}

function rawOfHistory(history: AttributeHistory): RawAttributes | undefined {
  const raw: RawAttributes = {};
  for (const [field, letter] of ATTRIBUTE_LETTERS) {
    const timeline = history[field];
    if (timeline !== undefined) raw[letter] = [timeline.initial, ...timeline.changes.map(([at, to]): [number, string | null] => [at, to])] satisfies RawTimeline;
  }
  return Object.keys(raw).length === 0 ? undefined : raw;
}

/** The issue's priority, issue type and request type over time, as far as the entry knows them. */
export function attributesOf(entry: IssueEntry): AttributeHistory {
  return historyOfRaw(entryShape(entry).a);
}

export function withAttributes(entry: IssueEntry, history: AttributeHistory): IssueEntry {
  const { a: _replaced, ...raw } = entryShape(entry);
  const a = rawOfHistory(history);
  return asEntry(a === undefined ? raw : { ...raw, a });
}

/** The entry as one that replaces every earlier entry of its issue in the shard (an issue that entered the plan). */
export function replacing(entry: IssueEntry): IssueEntry {
  return asEntry({ ...entryShape(entry), x: 'replace' });
}

/** An entry saying the issue left the plan: every earlier entry of it in the shard no longer counts. */
export const GONE_ENTRY: IssueEntry = asEntry({ k: '', s: '', b: 'covered', w: {}, d: {}, x: 'gone' });

/**
 * What an issue's entries in one shard say together, read in key order: the facts of the last entry (a key or
 * summary it leaves empty comes from an earlier one), each worklog's latest version by `updated`, every
 * tombstone, and no worklog a tombstone names. A replacing or gone entry drops everything before it.
 * Undefined when the issue is not in the plan.
 */
export function mergeEntries(entries: readonly IssueEntry[]): IssueEntry | undefined {
  const [only] = entries;
  if (entries.length === 1 && only !== undefined && entryShape(only).x === undefined) return only;
  let facts: Pick<RawEntry, 'k' | 's' | 'b'> | undefined;
  let worklogs = new Map<string, WorklogRecord>();
  let tombstones = new Map<string, number>();
  let attributes = NO_HISTORY;
  for (const entry of entries) {
    const raw = entryShape(entry);
    if (raw.x !== undefined) {
      facts = undefined;
      worklogs = new Map();
      tombstones = new Map();
      attributes = NO_HISTORY;
      if (raw.x === 'gone') continue;
    }
    facts = { k: raw.k || (facts?.k ?? ''), s: raw.s || (facts?.s ?? ''), b: raw.b };
    attributes = mergeAttributeHistories(attributes, historyOfRaw(raw.a));
    for (const [worklogId, record] of Object.entries(raw.w)) {
      const known = worklogs.get(worklogId);
      if (known === undefined || record[3] > known[3]) worklogs.set(worklogId, record);
    }
    for (const [worklogId, deletedAt] of Object.entries(raw.d)) tombstones.set(worklogId, Math.max(deletedAt, tombstones.get(worklogId) ?? deletedAt));
  }
  if (facts === undefined) return undefined;
  for (const worklogId of tombstones.keys()) worklogs.delete(worklogId);
  const a = rawOfHistory(attributes);
  return asEntry({ ...facts, w: Object.fromEntries(worklogs), d: Object.fromEntries(tombstones), ...(a === undefined ? {} : { a }) });
}

/**
 * The entry cut into entries of at most about `maxBytes` each (see `entrySize`), each with a share of its worklogs and
 * its facts, the first with its tombstones: what `mergeEntries` reads back as the entry. One entry when it fits.
 */
export function splitEntry(issueId: string, entry: IssueEntry, maxBytes: number): IssueEntry[] {
  if (entrySize(issueId, entry) <= maxBytes) return [entry];
  const { w, d, a, ...facts } = entryShape(entry);
  // The first piece carries the tombstones and the attributes.
  const firstOnly = a === undefined ? { d } : { d, a };
  const pieces: RawEntry[] = [];
  let current: Record<string, WorklogRecord> = {};
  let held = 0;
  let bytes = entrySize(issueId, asEntry({ ...facts, w: {}, ...firstOnly }));
  for (const [worklogId, record] of Object.entries(w)) {
    const recordBytes = worklogId.length + JSON.stringify(record).length + 4;
    if (held > 0 && bytes + recordBytes > maxBytes) {
      pieces.push({ ...facts, w: current, ...(pieces.length === 0 ? firstOnly : { d: {} }) });
      current = {};
      held = 0;
      bytes = entrySize(issueId, asEntry({ ...facts, w: {}, d: {} }));
    }
    current[worklogId] = record;
    held += 1;
    bytes += recordBytes;
  }
  pieces.push({ ...facts, w: current, ...(pieces.length === 0 ? firstOnly : { d: {} }) });
  return pieces.map(asEntry);
}

// Parts

export function decodePart(value: unknown): AggregatePart {
  return asPart(aggregatePartSchema.parse(value));
}

export function encodePart(part: AggregatePart): JsonValue {
  return partShape(part);
}

export const EMPTY_PART: AggregatePart = asPart({ i: {} });

/** How many recent values the shard has sealed, as its recent value counts them (0 for any other part). */
export function sealCountOf(part: AggregatePart): number {
  return partShape(part).n ?? 0;
}

/** A shard's recent value with no entries, after `sealed` seals. */
export function emptyRecent(sealed: number): AggregatePart {
  return asPart({ i: {}, n: sealed });
}

/** The recent value's entries as a sealed value keeps them. */
export function sealedOf(recent: AggregatePart): AggregatePart {
  return asPart({ i: partShape(recent).i });
}

export function partOf(entries: Iterable<readonly [string, IssueEntry]>): AggregatePart {
  const raw: Record<string, RawEntry> = {};
  for (const [issueId, entry] of entries) raw[issueId] = entryShape(entry);
  return asPart({ i: raw });
}

export function entryIn(part: AggregatePart, issueId: string): IssueEntry | undefined {
  const raw = partShape(part).i[issueId];
  return raw === undefined ? undefined : asEntry(raw);
}

export function entriesOf(part: AggregatePart): [string, IssueEntry][] {
  return Object.entries(partShape(part).i).map(([issueId, raw]) => [issueId, asEntry(raw)]);
}

export function issueIdsOf(part: AggregatePart): string[] {
  return Object.keys(partShape(part).i);
}

/** The part with the issue's entry replaced; `undefined` removes it. */
export function withEntry(part: AggregatePart, issueId: string, entry: IssueEntry | undefined): AggregatePart {
  const raw = partShape(part);
  const { [issueId]: _replaced, ...others } = raw.i;
  return asPart({ ...raw, i: entry === undefined ? others : { ...others, [issueId]: entryShape(entry) } });
}

/** About what the entry adds to a part's stored size (characters of JSON), for cutting parts to a size. */
export function entrySize(issueId: string, entry: IssueEntry): number {
  return JSON.stringify(entryShape(entry)).length + issueId.length;
}

/** The part's stored size in UTF-8 bytes. */
export function partBytes(part: AggregatePart): number {
  return utf8Length(JSON.stringify(partShape(part)));
}

// Links

export function newLink(planId: string, billingClass: BillingClass, issueKey: string): StoredLink {
  return asLink([planId, billingClass, issueKey]);
}

/** The internal id of the plan the link names. */
export function linkPlanId(link: StoredLink): PlanInternalId {
  // Links are written only with plans' internal ids (`newLink` callers pass one).
  return linkShape(link)[0] as PlanInternalId;
}

/** What the link says about its issue, as an entry keeps it (the summary is not in the link). */
export function linkFactsOf(link: StoredLink): IssueFacts {
  const [, billingClass, issueKey] = linkShape(link);
  return { billingClass, issueKey, summary: '' };
}

/** The link as the ledger and the panel read it. */
export function issueLinkOf(issueId: string, link: StoredLink): IssueLink {
  const [planId, billingClass, issueKey] = linkShape(link);
  return { issueId, planId, billingClass, ...(issueKey === '' ? {} : { issueKey }) };
}

/** A legacy link shard (issue id → link), as releases before one link record an issue stored them. */
export function decodeLinkShard(value: unknown): LinkShard {
  return asShard(linkShardSchema.parse(value));
}

export function linkIn(shard: LinkShard, issueId: string): StoredLink | undefined {
  const raw = shardShape(shard)[issueId];
  return raw === undefined ? undefined : asLink(raw);
}

export function linksIn(shard: LinkShard): [string, StoredLink][] {
  return Object.entries(shardShape(shard)).map(([issueId, raw]) => [issueId, asLink(raw)]);
}

/** An issue's own link record. */
export function decodeLinkRecord(value: unknown): StoredLink {
  return asLink(storedLinkSchema.parse(value));
}

export function encodeLinkRecord(link: StoredLink): JsonValue {
  return linkShape(link);
}
