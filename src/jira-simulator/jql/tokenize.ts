import { badRequest } from '../http';
import type { ComparisonOperator } from './ast';

export type Token =
  | { readonly kind: 'word'; readonly text: string; readonly position: number }
  | { readonly kind: 'string'; readonly text: string; readonly position: number }
  | { readonly kind: 'operator'; readonly text: ComparisonOperator; readonly position: number }
  | { readonly kind: 'punctuation'; readonly text: '(' | ')' | ','; readonly position: number };

/** Longest first, so `!=` is not read as `!` then `=`. */
const OPERATORS: readonly ComparisonOperator[] = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'];
const WORD_CHARACTER = /[A-Za-z0-9_.\-[\]]/;

/** Splits JQL into words, quoted strings, operators and punctuation. */
export function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < jql.length) {
    const character = jql.charAt(position);
    if (/\s/.test(character)) {
      position += 1;
    } else if (character === '(' || character === ')' || character === ',') {
      tokens.push({ kind: 'punctuation', text: character, position });
      position += 1;
    } else if (character === '"' || character === "'") {
      const end = readQuoted(jql, position);
      tokens.push({ kind: 'string', text: unescape(jql.slice(position + 1, end)), position });
      position = end + 1;
    } else {
      const operator = OPERATORS.find((candidate) => jql.startsWith(candidate, position));
      if (operator) {
        tokens.push({ kind: 'operator', text: operator, position });
        position += operator.length;
      } else if (WORD_CHARACTER.test(character)) {
        const start = position;
        while (position < jql.length && WORD_CHARACTER.test(jql.charAt(position))) position += 1;
        tokens.push({ kind: 'word', text: jql.slice(start, position), position: start });
      } else {
        throw badRequest(`Error in the JQL Query: The character '${character}' is a reserved JQL character. (line 1, character ${position + 1})`);
      }
    }
  }
  return tokens;
}

function readQuoted(jql: string, start: number): number {
  const quote = jql.charAt(start);
  let position = start + 1;
  while (position < jql.length) {
    const character = jql.charAt(position);
    if (character === '\\') position += 2;
    else if (character === quote) return position;
    else position += 1;
  }
  throw badRequest(`Error in the JQL Query: The quoted string starting at character ${start + 1} has not been completed.`);
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
