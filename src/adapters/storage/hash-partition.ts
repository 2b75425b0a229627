/**
 * Partitions of the 32-bit hash space by hash prefix (extendible hashing): a partition of
 * depth d holds the ids whose hash starts with the d bits `bits`. A full partition splits into
 * its two halves without touching any other, so a set grows one partition at a time.
 */
export interface HashPartition {
  readonly depth: number;
  readonly bits: number;
}

export const WHOLE_HASH_SPACE: HashPartition = { depth: 0, bits: 0 };
const MAX_DEPTH = 32;

/** FNV-1a over UTF-16 code units, finished with murmur3's avalanche so the top bits are well mixed. */
export function hashOfId(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export function partitionLabel(partition: HashPartition): string {
  return `${partition.depth}.${partition.bits}`;
}

export function parsePartitionLabel(label: string): HashPartition | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(label);
  if (match === null) return undefined;
  const depth = Number(match[1]);
  const bits = Number(match[2]);
  return depth <= MAX_DEPTH && bits < 2 ** depth ? { depth, bits } : undefined;
}

export function partitionAtDepth(hash: number, depth: number): HashPartition {
  return { depth, bits: depth === 0 ? 0 : hash >>> (MAX_DEPTH - depth) };
}

export function halvesOf(partition: HashPartition): [HashPartition, HashPartition] {
  if (partition.depth >= MAX_DEPTH) throw new Error('A hash partition of depth 32 cannot split.');
  const depth = partition.depth + 1;
  return [
    { depth, bits: partition.bits * 2 },
    { depth, bits: partition.bits * 2 + 1 },
  ];
}

/** The live partitions of one set: they cover the hash space without overlapping. */
export class PartitionMap {
  private readonly labels: ReadonlySet<string>;
  private readonly depths: readonly number[];

  constructor(partitions: readonly HashPartition[]) {
    this.labels = new Set(partitions.map(partitionLabel));
    this.depths = [...new Set(partitions.map((partition) => partition.depth))].sort((a, b) => a - b);
  }

  partitionOf(hash: number): HashPartition {
    for (const depth of this.depths) {
      const candidate = partitionAtDepth(hash, depth);
      if (this.labels.has(partitionLabel(candidate))) return candidate;
    }
    throw new Error(`No live partition covers hash ${hash}: the partition map is corrupt.`);
  }

  /** The map after replacing `partition` by the partitions it split into. */
  replacing(partition: HashPartition, parts: readonly HashPartition[]): PartitionMap {
    const kept = [...this.labels].filter((label) => label !== partitionLabel(partition));
    return new PartitionMap([...kept.flatMap(labelToPartition), ...parts]);
  }

  sortedLabels(): string[] {
    return [...this.labels].sort();
  }

  get size(): number {
    return this.labels.size;
  }
}

function labelToPartition(label: string): HashPartition[] {
  const partition = parsePartitionLabel(label);
  return partition === undefined ? [] : [partition];
}
