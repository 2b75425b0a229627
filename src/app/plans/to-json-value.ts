import * as z from 'zod';
import type { JsonValue } from '../ports/store';

const jsonValueSchema = z.json();

/**
 * A typed record as the store's plain JSON, checked on the way: anything JSON cannot carry
 * (an `undefined` property, a function, NaN) is a bug in the caller and throws here.
 */
export function toJsonValue(value: unknown): JsonValue {
  return jsonValueSchema.parse(value);
}
