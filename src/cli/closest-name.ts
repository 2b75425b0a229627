import { distance } from 'fastest-levenshtein';

/** Up to this many single-character edits apart, a typed name is taken for a misspelling. */
const MAX_EDITS = 2;
/** Shorter names are too short to guess from (`-x` is not a misspelt `-h`). */
const MIN_LENGTH = 3;

/**
 * The known name a misspelt one most likely meant, or null when none is close enough.
 *
 * @example
 * closestName('fromat', ['plan', 'format']) // 'format'
 * closestName('colour', ['plan', 'format']) // null
 */
export function closestName(typed: string, known: readonly string[]): string | null {
  if (typed.length < MIN_LENGTH) return null;
  let best: { readonly name: string; readonly edits: number } | null = null;
  for (const name of known) {
    const edits = distance(typed, name);
    if (edits <= MAX_EDITS && (best === null || edits < best.edits)) best = { name, edits };
  }
  return best?.name ?? null;
}
