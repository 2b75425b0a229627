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
