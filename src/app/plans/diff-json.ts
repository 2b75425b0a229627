import { isJsonObject, type JsonValue } from '../ports/store';

/** One changed field; `before` absent: added, `after` absent: removed. */
export interface JsonChange {
  readonly path: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

function change(path: string, before: JsonValue | undefined, after: JsonValue | undefined): JsonChange {
  return { path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/**
 * The leaf-level differences between two JSON values, with dotted paths (`allowance.includedSeconds`).
 * Arrays are compared whole: a changed block list shows as one change of `blocks`.
 *
 * @example
 * diffJson({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 3 } }) // [{ path: 'b.c', before: 2, after: 3 }]
 */
export function diffJson(before: JsonValue | undefined, after: JsonValue | undefined, path = ''): JsonChange[] {
  if (isJsonObject(before) && isJsonObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffJson(before[key], after[key], join(path, key)));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [change(path, before, after)];
}
