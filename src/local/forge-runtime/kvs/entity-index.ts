/**
 * One index of a custom entity, kept sorted in memory as KVS keeps it: by partition, then by the range
 * attribute, then by key. Queries walk it from a position; a cursor names the position after a page.
 */
import { firstIndexWhere } from '../../../collections/first-index-where';
import * as z from 'zod';
import type { JsonValue } from '../../../app/ports/store';
import { ASSUMED_INVALID_CURSOR, isInIndex } from '../../../adapters/storage/kvs-undocumented';
import { compareValues, conditionHolds, type Attributes } from './conditions';
import type { EntityIndexShape } from './entity-declarations';
import { KvsRefusal } from './kvs-refusal';
import { jsonValueSchema, type Condition } from './kvs-wire';

interface IndexEntry {
  /** The partition attributes' values as JSON text: queries match it exactly. */
  readonly partition: string;
  readonly range: JsonValue;
  readonly key: string;
}

export interface IndexQuery {
  readonly partition: readonly JsonValue[];
  readonly range?: Condition;
  readonly sort: 'ASC' | 'DESC';
  readonly limit: number;
  readonly cursor?: string;
}

export interface IndexPage {
  readonly keys: readonly string[];
  readonly cursor?: string;
}

function compareEntries(left: IndexEntry, right: IndexEntry): number {
  if (left.partition !== right.partition) return left.partition < right.partition ? -1 : 1;
  const byRange = compareValues(left.range, right.range);
  if (byRange !== 0) return byRange;
  return left.key < right.key ? -1 : left.key > right.key ? 1 : 0;
}

/**
 * Whether a range value sorts below the stretch of the index a range condition holds on (every
 * `WhereConditions` condition holds on one stretch of the order).
 */
function belowRange(range: Condition, value: JsonValue): boolean {
  const [first] = range.values;
  switch (range.condition) {
    case 'GREATER_THAN':
      return compareValues(value, first) <= 0;
    case 'LESS_THAN':
    case 'LESS_THAN_EQUAL_TO':
      return false;
    default:
      return compareValues(value, first) < 0;
  }
}

interface CursorPosition {
  readonly index: string;
  readonly partition: string;
  readonly sort: 'ASC' | 'DESC';
  readonly range: JsonValue;
  readonly key: string;
}

function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

const cursorSchema = z.object({ index: z.string(), partition: z.string(), sort: z.enum(['ASC', 'DESC']), range: jsonValueSchema, key: z.string() }).strict();

function decodeCursor(cursor: string, expected: Omit<CursorPosition, 'range' | 'key'>): CursorPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const parsed = cursorSchema.safeParse(parseJsonOrUndefined(text));
  const position = parsed.success ? parsed.data : undefined;
  if (position?.index !== expected.index || position.partition !== expected.partition || position.sort !== expected.sort || encodeCursor(position) !== cursor) {
    throw new KvsRefusal(ASSUMED_INVALID_CURSOR, 'The cursor was not handed out for this query.');
  }
  return position;
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class EntityIndex {
  private readonly entries: IndexEntry[] = [];
  private readonly byKey = new Map<string, IndexEntry>();

  constructor(readonly shape: EntityIndexShape) {}

  /** Records an item's new attributes (undefined: the item was deleted). */
  update(key: string, attributes: Attributes | undefined): void {
    const previous = this.byKey.get(key);
    const entry = attributes && this.entryOf(key, attributes);
    // An overwrite that keeps the indexed attributes keeps the item's place.
    if (previous !== undefined && entry !== undefined && compareEntries(previous, entry) === 0) return;
    if (previous !== undefined) {
      this.entries.splice(this.positionOf(previous), 1);
      this.byKey.delete(key);
    }
    if (entry === undefined) return;
    this.entries.splice(this.positionOf(entry), 0, entry);
    this.byKey.set(key, entry);
  }

  query(query: IndexQuery): IndexPage {
    const partition = JSON.stringify(query.partition);
    const cursorFields = { index: this.shape.name, partition, sort: query.sort };
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, cursorFields);
    const keys: string[] = [];
    const walk = query.sort === 'ASC' ? this.ascending(partition, query.range, after) : this.descending(partition, query.range, after);
    let last: IndexEntry | undefined;
    for (const entry of walk) {
      if (keys.length === query.limit) {
        return last === undefined ? { keys } : { keys, cursor: encodeCursor({ ...cursorFields, range: last.range, key: last.key }) };
      }
      keys.push(entry.key);
      last = entry;
    }
    return { keys };
  }

  private *ascending(partition: string, range: Condition | undefined, after: CursorPosition | undefined): Generator<IndexEntry> {
    const start =
      after !== undefined
        ? firstIndexWhere(this.entries, (entry) => compareEntries(entry, after) > 0)
        : firstIndexWhere(this.entries, (entry) => entry.partition > partition || (entry.partition === partition && (range === undefined || !belowRange(range, entry.range))));
    for (let index = start; index < this.entries.length; index += 1) {
      const entry = this.entries[index];
      // Past the partition, or past the stretch the range condition holds on: nothing further can match.
      if (entry?.partition !== partition || (range !== undefined && !conditionHolds(range, entry.range))) return;
      yield entry;
    }
  }

  private *descending(partition: string, range: Condition | undefined, after: CursorPosition | undefined): Generator<IndexEntry> {
    const end = after !== undefined ? firstIndexWhere(this.entries, (entry) => compareEntries(entry, after) >= 0) : firstIndexWhere(this.entries, (entry) => entry.partition > partition);
    for (let index = end - 1; index >= 0; index -= 1) {
      const entry = this.entries[index];
      if (entry?.partition !== partition) return;
      if (range === undefined || conditionHolds(range, entry.range)) yield entry;
    }
  }

  private positionOf(entry: IndexEntry): number {
    return firstIndexWhere(this.entries, (candidate) => compareEntries(candidate, entry) >= 0);
  }

  private entryOf(key: string, attributes: Attributes): IndexEntry | undefined {
    const partitionValues = this.shape.partition.map((attribute) => attributes[attribute]);
    const range = attributes[this.shape.range];
    if (!isInIndex([...partitionValues, range]) || range === undefined) return undefined;
    return { partition: JSON.stringify(partitionValues), range, key };
  }
}
