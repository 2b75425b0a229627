import { JsonValue, StoreError } from '../../app/ports/store';

/** Serializes a value the way it is stored, refusing what JSON cannot carry faithfully. */
export function serializeJson(key: string, value: JsonValue): string {
  assertFaithfulJson(key, value);
  return JSON.stringify(value);
}

/** Parses text this module serialized: JSON text always denotes a `JsonValue`. */
export function parseJson(text: string): JsonValue {
  return JSON.parse(text) as JsonValue;
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * `JSON.stringify` silently turns NaN into null and drops `undefined` properties, so a value
 * containing them would read back different from what was written: refuse it instead.
 */
function assertFaithfulJson(key: string, value: unknown): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return;
    throw invalidValue(key, `the number ${value} has no JSON form`);
  }
  if (Array.isArray(value)) {
    for (const item of value) assertFaithfulJson(key, item);
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value)) assertFaithfulJson(key, item);
    return;
  }
  throw invalidValue(key, `a ${typeof value} is not JSON`);
}

function invalidValue(key: string, reason: string): StoreError {
  return new StoreError('invalid-value', `Value for key "${key}" is not storable: ${reason}.`);
}
