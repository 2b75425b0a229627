/**
 * Where the aggregates live in the store. One plan's aggregate is a generation of shards, each a list of values read
 * in key order: the parts a full recompute wrote, `agg:<plan>:g<generation>:s<shard>:p<part>`; the recent values
 * events filled and sealed since, `…:s<shard>:q<seal>`; and the shard's recent value events write, `…:s<shard>:r`.
 * A full recompute writes the next generation beside the live one and then swaps the plan's head, so readers never
 * see a half-built one.
 */

const PLAN_ID = /^[A-Za-z0-9._-]{1,120}$/;

/** Whether a plan id can name storage keys (and be quoted in JQL as it is). */
export function isStorablePlanId(planId: string): boolean {
  return PLAN_ID.test(planId);
}

function checkedPlanId(planId: string): string {
  if (!isStorablePlanId(planId)) throw new Error(`Plan id "${planId}" cannot be part of a storage key.`);
  return planId;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export const HEAD_PREFIX = 'sync:plan:';

export const headKey = (planId: string): string => `${HEAD_PREFIX}${checkedPlanId(planId)}`;

export const planIdOfHeadKey = (key: string): string => key.slice(HEAD_PREFIX.length);

/** Every generation of the plan's aggregate. */
export const planAggregatePrefix = (planId: string): string => `agg:${checkedPlanId(planId)}:`;

export const generationPrefix = (planId: string, generation: number): string => `${planAggregatePrefix(planId)}g${generation}:`;

export const shardPrefix = (planId: string, generation: number, shard: number): string =>
  `${generationPrefix(planId, generation)}s${pad(shard, 4)}:`;

export const partKey = (planId: string, generation: number, shard: number, part: number): string =>
  `${shardPrefix(planId, generation, shard)}p${pad(part, 6)}`;

/** The value a shard's events write (it sorts after the shard's parts and sealed values). */
export const recentKey = (planId: string, generation: number, shard: number): string => `${shardPrefix(planId, generation, shard)}r`;

/** Every recent value the shard has sealed. */
export const sealedPrefix = (planId: string, generation: number, shard: number): string => `${shardPrefix(planId, generation, shard)}q`;

/** The shard's `seal`-th recent value, sealed when it had grown to its size. */
export const sealedKey = (planId: string, generation: number, shard: number, seal: number): string => `${sealedPrefix(planId, generation, shard)}${pad(seal, 6)}`;

/** Jira's issue ids are numbers. */
const ISSUE_ID = /^[0-9]{1,40}$/;

/** Issue id → plan, one record for each issue the app has seen linked: `[planId, billingClass, issueKey]`, or null. */
export const linkKey = (issueId: string): string => {
  if (!ISSUE_ID.test(issueId)) throw new Error(`Issue id "${issueId.slice(0, 80)}" cannot be part of a storage key.`);
  return `sync:link:${issueId}`;
};

/**
 * The links as releases before one record an issue stored them: 128 shards by issue id. Never written again; read
 * for an issue that has no record of its own yet.
 */
export const LEGACY_LINK_SHARD_COUNT = 128;

export const LEGACY_LINK_SHARD_PREFIX = 'sync:links:';

export const legacyLinkShardKey = (shard: number): string => `${LEGACY_LINK_SHARD_PREFIX}${pad(shard, 3)}`;

export const WATERMARK_KEY = 'sync:watermark';
