import type { PlanIssue } from '../ports/jira';
import type { Store, TransactOperation } from '../ports/store';
import { transactInBatches } from '../aggregates/transact-in-batches';
import { encodeLinkRecord, encodePart, entrySize, newLink, partOf, splitEntry, withAttributes, type AggregatePart, type IssueEntry } from '../aggregates/aggregate-codec';
import { attributeHistoryOf } from '../aggregates/attribute-history';
import { entryOfWorklogs } from '../aggregates/issue-entry';
import { linkKey, partKey } from '../aggregates/keys';
import { shardOf } from '../aggregates/shard-of';

/** A recompute cuts a shard's entries into parts of about this size; a larger issue's entry, into several parts. */
export const PART_TARGET_BYTES = 64 * 1024;

/** Room for this many parts per chunk and shard in the part numbering. */
const PARTS_PER_CHUNK = 1000;

export interface GenerationTarget {
  readonly planId: string;
  readonly generation: number;
  readonly shardCount: number;
  readonly chunk: number;
}

/**
 * Writes the issues one recompute chunk read into new parts of the generation being built:
 * fresh keys, never read back and merged, so a full recompute writes each byte once. An issue with more worklogs
 * than a part holds gets entries in as many parts as it takes, each with a share of them.
 * Resolves to the number of worklogs written.
 */
export async function writeChunkParts(store: Store, target: GenerationTarget, issues: readonly PlanIssue[]): Promise<number> {
  const byShard = new Map<number, [string, IssueEntry][]>();
  for (const issue of issues) {
    const shard = shardOf(issue.id, target.shardCount);
    const entries = byShard.get(shard) ?? [];
    for (const piece of splitEntry(issue.id, entryOf(issue), PART_TARGET_BYTES)) entries.push([issue.id, piece]);
    byShard.set(shard, entries);
  }
  const operations: TransactOperation[] = [];
  for (const [shard, entries] of byShard) {
    packParts(entries).forEach((part, index) => {
      const key = partKey(target.planId, target.generation, shard, target.chunk * PARTS_PER_CHUNK + index);
      operations.push({ set: { key, value: encodePart(part) } });
    });
  }
  await transactInBatches(store, operations);
  return issues.reduce((count, issue) => count + issue.worklogs.length, 0);
}

/**
 * Points each issue's link at the plan: one record an issue, written without reading it (the recompute read the
 * issue's link from Jira just now), 25 to a transaction.
 */
export async function writeChunkLinks(store: Store, planId: string, issues: readonly PlanIssue[]): Promise<void> {
  const byId = new Map(issues.map((issue) => [issue.id, issue]));
  await transactInBatches(
    store,
    [...byId.values()].map((issue) => ({ set: { key: linkKey(issue.id), value: encodeLinkRecord(newLink(planId, issue.link?.billingClass ?? 'covered', issue.key)) } })),
  );
}

function entryOf(issue: PlanIssue): IssueEntry {
  const entry = entryOfWorklogs({ billingClass: issue.link?.billingClass ?? 'covered', issueKey: issue.key, summary: issue.summary }, issue.worklogs);
  return issue.attributes === undefined ? entry : withAttributes(entry, attributeHistoryOf(issue.attributes, issue.attributeChanges ?? []));
}

/** A part holds one entry of an issue: the pieces of a large one go to parts of their own. */
function packParts(entries: readonly [string, IssueEntry][]): AggregatePart[] {
  const parts: AggregatePart[] = [];
  let current: [string, IssueEntry][] = [];
  let held = new Set<string>();
  let bytes = 0;
  for (const [issueId, entry] of entries) {
    const entryBytes = entrySize(issueId, entry);
    if (bytes > 0 && (bytes + entryBytes > PART_TARGET_BYTES || held.has(issueId))) {
      parts.push(partOf(current));
      current = [];
      held = new Set();
      bytes = 0;
    }
    held.add(issueId);
    current.push([issueId, entry]);
    bytes += entryBytes;
  }
  if (bytes > 0) parts.push(partOf(current));
  return parts;
}
