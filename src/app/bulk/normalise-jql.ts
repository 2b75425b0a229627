/**
 * A query's text in one canonical spelling, for telling whether two are the same query: Unicode
 * NFC, no leading or trailing space, and each run of whitespace outside quoted strings made one
 * space. Quoted text is kept exactly (`summary ~ "a  b"` differs from `summary ~ "a b"`).
 *
 * @example
 * normaliseJql(' key = SUP-1\n  AND summary ~ "a  b" ') // 'key = SUP-1 AND summary ~ "a  b"'
 */
export function normaliseJql(jql: string): string {
  let normalised = '';
  let quote: string | null = null;
  let pendingSpace = false;
  const text = jql.normalize('NFC').trim();
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charAt(index);
    if (quote === null && /\s/.test(character)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) normalised += ' ';
    pendingSpace = false;
    normalised += character;
    if (quote !== null && character === '\\') {
      normalised += text.charAt(index + 1);
      index += 1;
    } else if (quote === null && (character === '"' || character === "'")) {
      quote = character;
    } else if (character === quote) {
      quote = null;
    }
  }
  return normalised;
}
