import type { IssueLink } from '../../ledger/types';
import type { Store, StoreEntry } from '../ports/store';
import { listAll } from '../plans/list-all';
import { HEAD_PREFIX, generationPrefix, headKey, planIdOfHeadKey, shardPrefix } from './keys';
import { decodePart, entriesOf, issueLinkOf, mergeEntries, type AggregatePart, type IssueEntry } from './aggregate-codec';
import { storedLink } from './issue-links';
import { planHeadSchema, type PlanHead } from './records';

export interface StoredPart {
  readonly key: string;
  readonly part: AggregatePart;
}

/** Reads of the aggregates, validated; every write goes through `editAtomically`. */
export class AggregateReader {
  constructor(private readonly store: Store) {}

  async head(planId: string): Promise<PlanHead | undefined> {
    const value = await this.store.get(headKey(planId));
    return value === undefined ? undefined : planHeadSchema.parse(value);
  }

  /** Every plan that has aggregates. */
  async planIds(): Promise<string[]> {
    const entries = await listAll(this.store, HEAD_PREFIX);
    return entries.map((entry) => planIdOfHeadKey(entry.key));
  }

  async parts(planId: string, generation: number): Promise<StoredPart[]> {
    return (await listAll(this.store, generationPrefix(planId, generation))).map(toStoredPart);
  }

  /** The plan's issues in the generation, each with its entries merged: what the generation says. */
  async issues(planId: string, generation: number): Promise<Map<string, IssueEntry>> {
    return issuesOf(await this.parts(planId, generation));
  }

  async shardParts(planId: string, generation: number, shard: number): Promise<StoredPart[]> {
    return (await listAll(this.store, shardPrefix(planId, generation, shard))).map(toStoredPart);
  }

  async link(issueId: string): Promise<IssueLink | undefined> {
    const stored = await storedLink(this.store, issueId);
    return stored === undefined ? undefined : issueLinkOf(issueId, stored);
  }
}

/** The issues of a generation's values (in key order), each with its entries merged (`mergeEntries`); issues gone from it left out. */
export function issuesOf(parts: readonly StoredPart[]): Map<string, IssueEntry> {
  const entries = new Map<string, IssueEntry[]>();
  for (const { part } of parts) {
    for (const [issueId, entry] of entriesOf(part)) {
      const known = entries.get(issueId);
      if (known === undefined) entries.set(issueId, [entry]);
      else known.push(entry);
    }
  }
  const issues = new Map<string, IssueEntry>();
  for (const [issueId, issueEntries] of entries) {
    const merged = mergeEntries(issueEntries);
    if (merged !== undefined) issues.set(issueId, merged);
  }
  return issues;
}

function toStoredPart(entry: StoreEntry): StoredPart {
  return { key: entry.key, part: decodePart(entry.value) };
}
