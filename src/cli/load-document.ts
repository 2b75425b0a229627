import { readFileSync } from 'node:fs';
import { isNodeError } from './node-error';

export type LoadedDocument = { readonly ok: true; readonly document: unknown } | { readonly ok: false; readonly message: string };

/** Reads and parses one JSON input file; a failure names the file. */
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
    return { ok: false, message: `${path}: not valid JSON (${String(error)})` };
  }
}
