/**
 * The shard an issue's entry lives in: FNV-1a of the issue id, so every writer and reader
 * agrees without a lookup, and issues spread evenly whatever their numbering.
 *
 * @example
 * shardOf('10001', 64) // always the same number from 0 to 63
 */
export function shardOf(issueId: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < issueId.length; index += 1) {
    hash ^= issueId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shardCount;
}

/**
 * Each issue's value filed under its shard: `shardCount` records of issue id → value.
 *
 * @example
 * shardsOf(new Map([['10001', 1]]), 2)[shardOf('10001', 2)] // { '10001': 1 }
 */
export function shardsOf<V>(byIssue: ReadonlyMap<string, V>, shardCount: number): Record<string, V>[] {
  const shards: Record<string, V>[] = Array.from({ length: shardCount }, () => ({}));
  for (const [issueId, value] of byIssue) {
    const shard = shards[shardOf(issueId, shardCount)];
    if (shard !== undefined) shard[issueId] = value;
  }
  return shards;
}
