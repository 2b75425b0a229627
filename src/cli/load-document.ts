import { readFileSync } from 'node:fs';
import { printParseErrorCode, visit } from 'jsonc-parser';
import { isNodeError } from './node-error';

export type LoadedDocument = { readonly ok: true; readonly document: unknown } | { readonly ok: false; readonly message: string };

interface JsonError {
  /** From 1. */
  readonly line: number;
  /** From 1, in UTF-16 code units. */
  readonly column: number;
  /** e.g. "comma expected". */
  readonly reason: string;
}

/** The first place where the text stops being JSON, or null if it is JSON. */
function firstJsonError(text: string): JsonError | null {
  let first: JsonError | null = null;
  visit(
    text,
    {
      onError: (code, _offset, _length, startLine, startCharacter) => {
        // "CommaExpected" → "comma expected"
        const reason = printParseErrorCode(code).replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
        first ??= { line: startLine + 1, column: startCharacter + 1, reason };
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return first;
}

/** Reads and parses one JSON input file; a failure names the file (and, for bad JSON, the line and column). */
export function loadJsonDocument(path: string): LoadedDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = isNodeError(error) && error.code === 'ENOENT' ? 'no such file' : String(error);
    return { ok: false, message: `${path}: cannot read the file (${reason})` };
  }
  try {
    return { ok: true, document: JSON.parse(text) };
  } catch (error) {
    // JSON.parse is the fast path; the slower scanner runs only on failure, to say where the text goes wrong.
    const where = firstJsonError(text);
    if (where === null) return { ok: false, message: `${path}: not valid JSON (${String(error)})` };
    return { ok: false, message: `${path}:${where.line}:${where.column}: not valid JSON: ${where.reason}` };
  }
}
