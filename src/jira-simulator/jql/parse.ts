import { badRequest } from '../http';
import type { Expression, Query, SortKey } from './ast';
import { tokenize, type Token } from './tokenize';

/** Parses the JQL subset the simulator supports; anything else is a 400 naming the part. */
export function parseJql(jql: string): Query {
  return new Parser(tokenize(jql)).query();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  query(): Query {
    const where = this.atEnd() || this.isKeyword('ORDER') ? null : this.orExpression();
    const orderBy = this.isKeyword('ORDER') ? this.orderBy() : [];
    const rest = this.peek();
    if (rest) throw unexpected(rest);
    return { where, orderBy };
  }

  private orExpression(): Expression {
    let left = this.andExpression();
    while (this.acceptKeyword('OR')) left = { kind: 'or', left, right: this.andExpression() };
    return left;
  }

  private andExpression(): Expression {
    let left = this.unary();
    while (this.acceptKeyword('AND')) left = { kind: 'and', left, right: this.unary() };
    return left;
  }

  private unary(): Expression {
    if (this.acceptKeyword('NOT')) return { kind: 'not', operand: this.unary() };
    if (this.acceptPunctuation('(')) {
      const inner = this.orExpression();
      this.expectPunctuation(')');
      return inner;
    }
    return this.clause();
  }

  private clause(): Expression {
    const field = this.value('a field name');
    if (this.acceptKeyword('IS')) {
      const negated = this.acceptKeyword('NOT');
      if (!this.acceptKeyword('EMPTY') && !this.acceptKeyword('NULL')) throw this.expected('EMPTY or NULL');
      return { kind: 'empty', field, negated };
    }
    if (this.acceptKeyword('NOT')) {
      if (!this.acceptKeyword('IN')) throw this.expected('IN');
      return { kind: 'in', field, negated: true, values: this.list() };
    }
    if (this.acceptKeyword('IN')) return { kind: 'in', field, negated: false, values: this.list() };
    const operator = this.peek();
    if (operator?.kind !== 'operator') throw this.expected('an operator');
    this.index += 1;
    return { kind: 'compare', field, operator: operator.text, value: this.value('a value') };
  }

  private list(): string[] {
    this.expectPunctuation('(');
    const values = [this.value('a value')];
    while (this.acceptPunctuation(',')) values.push(this.value('a value'));
    this.expectPunctuation(')');
    return values;
  }

  private orderBy(): SortKey[] {
    this.acceptKeyword('ORDER');
    if (!this.acceptKeyword('BY')) throw this.expected('BY');
    const keys: SortKey[] = [];
    do {
      const field = this.value('a field to order by');
      const descending = this.acceptKeyword('DESC');
      if (!descending) this.acceptKeyword('ASC');
      keys.push({ field, direction: descending ? 'DESC' : 'ASC' });
    } while (this.acceptPunctuation(','));
    return keys;
  }

  private value(what: string): string {
    const token = this.peek();
    if (token?.kind !== 'word' && token?.kind !== 'string') throw this.expected(what);
    this.index += 1;
    if (token.kind === 'word' && this.acceptPunctuation('(')) {
      throw badRequest(`Error in the JQL Query: the function '${token.text}()' is not supported by the Jira simulator.`);
    }
    return token.text;
  }

  private isKeyword(keyword: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text.toUpperCase() === keyword;
  }

  private acceptKeyword(keyword: string): boolean {
    if (!this.isKeyword(keyword)) return false;
    this.index += 1;
    return true;
  }

  private acceptPunctuation(text: '(' | ')' | ','): boolean {
    const token = this.peek();
    if (token?.kind !== 'punctuation' || token.text !== text) return false;
    this.index += 1;
    return true;
  }

  private expectPunctuation(text: '(' | ')'): void {
    if (!this.acceptPunctuation(text)) throw this.expected(`'${text}'`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  private expected(what: string) {
    const token = this.peek();
    return token ? unexpected(token, what) : badRequest(`Error in the JQL Query: Expecting ${what} but reached the end of the query.`);
  }
}

function unexpected(token: Token, expected?: string) {
  const wanted = expected ? `Expecting ${expected} but got '${token.text}'` : `The JQL part '${token.text}' is not supported`;
  return badRequest(`Error in the JQL Query: ${wanted}. (line 1, character ${token.position + 1})`);
}
