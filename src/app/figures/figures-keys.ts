/**
 * Where a plan's materialised figures live: `fig:<plan internal id>:…`. Figures are a cache of
 * the ledger over the plan's aggregate, so every key here can be dropped and rebuilt.
 */
import { isStorablePlanId } from '../aggregates/keys';

function checked(planId: string): string {
  if (!isStorablePlanId(planId)) throw new Error(`Plan id "${planId}" cannot be part of a storage key.`);
  return planId;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Every figures record of the plan. */
export const figuresPrefix = (planId: string): string => `fig:${checked(planId)}:`;

/** Which refresh the plan's figures come from (written last by a refresh), and the refresh asked for since. */
export const figuresHeadKey = (planId: string): string => `${figuresPrefix(planId)}head`;

export const periodFiguresPrefix = (planId: string): string => `${figuresPrefix(planId)}p:`;

export const periodFiguresKey = (planId: string, periodLabel: string): string => `${periodFiguresPrefix(planId)}${periodLabel}`;

export const issueUsagePrefix = (planId: string): string => `${figuresPrefix(planId)}i:`;

/** The shard count is part of the key, so a refresh that changes it writes a fresh set beside the one readers use. */
export const issueUsageSetPrefix = (planId: string, shardCount: number): string => `${issueUsagePrefix(planId)}${pad(shardCount, 5)}:`;

export const issueUsageKey = (planId: string, shardCount: number, shard: number): string => `${issueUsageSetPrefix(planId, shardCount)}${pad(shard, 5)}`;

/** What a refresh keeps of the plan's closed periods, so that it need not read their frozen statements again. */
export const closedSummaryKey = (planId: string): string => `${figuresPrefix(planId)}closed`;

export const closedUsagePrefix = (planId: string): string => `${figuresPrefix(planId)}c:`;

/** Each issue's usage through the closed periods, by the id of the closed versions it adds up. */
export const closedUsageSetPrefix = (planId: string, usageId: string): string => `${closedUsagePrefix(planId)}${usageId}:`;

export const closedUsageKey = (planId: string, usageId: string, shard: number): string => `${closedUsageSetPrefix(planId, usageId)}${pad(shard, 5)}`;

/** What the last refresh saw of the work before its reporting period, by aggregate shard (`earlierWorkSchema`). */
export const earlierWorkKey = (planId: string): string => `${figuresPrefix(planId)}w`;

export const statementSourcePrefix = (planId: string): string => `${figuresPrefix(planId)}s:`;

/** What an open period's statement is put together from without the rest of the plan: a resume point and which entry chunks. */
export const statementSourceKey = (planId: string, periodLabel: string): string => `${statementSourcePrefix(planId)}${periodLabel}`;

/**
 * The ledger's entries of each period, in chunks named by their content. Outside `figuresPrefix` on purpose: a
 * refresh lists every figures record, and these hold the plan's work a second time.
 */
export const entryChunksPrefix = (planId: string): string => `figw:${checked(planId)}:`;

/** `part` is a period label, or `out` for the worklogs outside the plan; `id` names the chunk's content. */
export const entryChunkKey = (planId: string, part: string, id: string): string => `${entryChunksPrefix(planId)}${part}:${id}`;

/** An entry chunk's key without the plan's prefix, `<part>:<id>`: how a refresh records the chunks it is writing or deleting. */
export const entryChunkName = (planId: string, key: string): string => key.slice(entryChunksPrefix(planId).length);

export const entryChunkKeyNamed = (planId: string, name: string): string => `${entryChunksPrefix(planId)}${name}`;
