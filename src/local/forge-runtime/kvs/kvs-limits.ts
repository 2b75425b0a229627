/** KVS's documented limits on keys and values, checked on every request as KVS checks them. */
import { FORGE_KVS_LIMITS, type JsonValue } from '../../../app/ports/store';
import { DOCUMENTED_REFUSALS, KvsRefusal } from './kvs-refusal';

/** "The provided value has exceeded the maximum object depth (32) limit." */
const MAX_DEPTH = 32;

export function assertKey(key: string): void {
  if (key.length === 0) throw new KvsRefusal(DOCUMENTED_REFUSALS.emptyKey, 'Key cannot be empty.');
  if (key.length > FORGE_KVS_LIMITS.maxKeyLength) {
    throw new KvsRefusal(DOCUMENTED_REFUSALS.keyTooLong, `The provided key has exceeded the maximum ${FORGE_KVS_LIMITS.maxKeyLength} characters.`);
  }
  if (!FORGE_KVS_LIMITS.keyPattern.test(key)) {
    throw new KvsRefusal(DOCUMENTED_REFUSALS.invalidKey, `The provided key does not match the regex: ${String(FORGE_KVS_LIMITS.keyPattern)}`);
  }
}

/** The value as it is stored (its JSON), refused when larger than 240 KiB or deeper than 32 levels. */
export function storedJson(key: string, value: JsonValue): string {
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > FORGE_KVS_LIMITS.maxValueBytes) {
    throw new KvsRefusal(DOCUMENTED_REFUSALS.maxSize, `The value of "${key}" is ${bytes} bytes; the maximum is ${FORGE_KVS_LIMITS.maxValueBytes}.`);
  }
  if (depthOf(value) > MAX_DEPTH) {
    throw new KvsRefusal(DOCUMENTED_REFUSALS.maxDepth, `The value of "${key}" has exceeded the maximum object depth (${MAX_DEPTH}) limit.`);
  }
  return json;
}

function depthOf(value: JsonValue): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const item of Object.values(value)) deepest = Math.max(deepest, depthOf(item));
  return deepest + 1;
}

export function assertPageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > FORGE_KVS_LIMITS.maxPageSize) {
    throw new KvsRefusal(DOCUMENTED_REFUSALS.pageLimitNotInRange, `The page limit must be set between 1 and ${FORGE_KVS_LIMITS.maxPageSize}, not ${limit}.`);
  }
}
