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
      tokens.push({ kind: 'string', text: unescape(jql.slice(position + 1, end), position + 1), position });
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

/** Jira's escapes inside a quoted string; any other backslash is an error, as in Jira. */
const ESCAPED: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', '"': '"', "'": "'", '\\': '\\', ' ': ' ' };

function unescape(text: string, offset: number): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|[\s\S]?)/g, (sequence: string, escape: string, index: number) => {
    if (escape.length === 5) return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    const character = ESCAPED[escape];
    if (character !== undefined) return character;
    throw badRequest(
      `Error in the JQL Query: '${sequence}' is an illegal JQL escape sequence. The valid escape sequences are \\', \\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. (line 1, character ${offset + index + 1})`,
    );
  });
}
