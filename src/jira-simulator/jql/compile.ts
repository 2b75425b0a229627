import { badRequest } from '../http';
import type { SimIssue } from '../model';
import type { Clause, Expression, Query, SortKey } from './ast';
import { resolveField, type JqlField, type JqlSite, type Range } from './fields';
import { parseJql } from './parse';

export type IssuePredicate = (issue: SimIssue) => boolean;

export interface CompiledQuery {
  /** Whether the query restricts the search at all (Jira refuses unbounded searches). */
  readonly bounded: boolean;
  readonly matches: IssuePredicate;
  readonly compare: (a: SimIssue, b: SimIssue) => number;
}

/** Turns JQL into a predicate and an order over issues; 400 for anything outside the subset. */
export function compileJql(jql: string, site: JqlSite): CompiledQuery {
  const query: Query = parseJql(jql);
  return {
    bounded: query.where !== null,
    matches: query.where ? compileExpression(query.where, site) : () => true,
    compare: compileOrder(query.orderBy, site),
  };
}

function compileExpression(expression: Expression, site: JqlSite): IssuePredicate {
  switch (expression.kind) {
    case 'and': {
      const left = compileExpression(expression.left, site);
      const right = compileExpression(expression.right, site);
      return (issue) => left(issue) && right(issue);
    }
    case 'or': {
      const left = compileExpression(expression.left, site);
      const right = compileExpression(expression.right, site);
      return (issue) => left(issue) || right(issue);
    }
    case 'not': {
      const operand = compileExpression(expression.operand, site);
      return (issue) => !operand(issue);
    }
    default:
      return compileClause(expression, resolveField(expression.field, site));
  }
}

function compileClause(clause: Clause, field: JqlField): IssuePredicate {
  if (clause.kind === 'empty') {
    const hasValue = field.kind === 'text' ? (issue: SimIssue) => field.textOf(issue) !== '' : (issue: SimIssue) => field.valuesOf(issue).length > 0;
    return clause.negated ? hasValue : (issue) => !hasValue(issue);
  }
  if (field.kind === 'text') return compileText(clause, field.textOf);
  if (field.kind === 'equality') return compileEquality(clause, field.valuesOf, field.normalize);
  return compileOrdered(clause, field.valuesOf, field.rangeOf);
}

function compileText(clause: Clause, textOf: (issue: SimIssue) => string): IssuePredicate {
  if (clause.kind !== 'compare' || (clause.operator !== '~' && clause.operator !== '!~')) throw unsupportedOperator(clause);
  const needle = clause.value.toLowerCase();
  const contains = (issue: SimIssue) => textOf(issue).toLowerCase().includes(needle);
  return clause.operator === '~' ? contains : (issue) => !contains(issue);
}

function compileEquality(
  clause: Clause,
  valuesOf: (issue: SimIssue) => readonly string[],
  normalize: (literal: string) => string,
): IssuePredicate {
  if (clause.kind === 'compare' && clause.operator !== '=' && clause.operator !== '!=') throw unsupportedOperator(clause);
  const wanted = new Set(clause.kind === 'compare' ? [normalize(clause.value)] : clause.kind === 'in' ? clause.values.map(normalize) : []);
  const negated = clause.kind === 'compare' ? clause.operator === '!=' : clause.kind === 'in' && clause.negated;
  return matchSome(valuesOf, (value) => wanted.has(value), negated);
}

function compileOrdered(clause: Clause, valuesOf: (issue: SimIssue) => readonly number[], rangeOf: (literal: string) => Range): IssuePredicate {
  if (clause.kind === 'in') {
    const ranges = clause.values.map(rangeOf);
    return matchSome(valuesOf, (value) => ranges.some((range) => inRange(value, range)), clause.negated);
  }
  if (clause.kind !== 'compare') throw unsupportedOperator(clause);
  const { from, to } = rangeOf(clause.value);
  switch (clause.operator) {
    case '=':
      return matchSome(valuesOf, (value) => inRange(value, { from, to }), false);
    case '!=':
      return matchSome(valuesOf, (value) => inRange(value, { from, to }), true);
    case '>':
      return matchSome(valuesOf, (value) => value >= to, false);
    case '>=':
      return matchSome(valuesOf, (value) => value >= from, false);
    case '<':
      return matchSome(valuesOf, (value) => value < from, false);
    case '<=':
      return matchSome(valuesOf, (value) => value < to, false);
    default:
      throw unsupportedOperator(clause);
  }
}

function inRange(value: number, range: Range): boolean {
  return value >= range.from && value < range.to;
}

/**
 * A clause holds when some value of the issue matches; a negated one when the issue has values
 * and none matches (as in Jira, `!=` and `not in` never match an empty field).
 */
function matchSome<T>(valuesOf: (issue: SimIssue) => readonly T[], matches: (value: T) => boolean, negated: boolean): IssuePredicate {
  if (!negated) return (issue) => valuesOf(issue).some(matches);
  return (issue) => {
    const values = valuesOf(issue);
    return values.length > 0 && !values.some(matches);
  };
}

function unsupportedOperator(clause: Clause) {
  const operator = clause.kind === 'compare' ? clause.operator : clause.kind === 'in' ? (clause.negated ? 'not in' : 'in') : 'is';
  return badRequest(`The operator '${operator}' is not supported by the '${clause.field}' field.`);
}

const SORTABLE: Readonly<Record<string, (issue: SimIssue, site: JqlSite) => string | number>> = {
  id: (issue) => Number(issue.id),
  created: (issue) => issue.created,
  updated: (issue) => issue.updated,
  summary: (issue) => issue.summary.toLowerCase(),
  key: (issue, site) => `${site.store.project(issue.projectId)?.key ?? ''}-${issue.key.split('-').pop()?.padStart(12, '0') ?? ''}`,
};

/** Without ORDER BY, issues come by id ascending: a stable order across pages. */
function compileOrder(orderBy: readonly SortKey[], site: JqlSite): (a: SimIssue, b: SimIssue) => number {
  const keys = [...orderBy, { field: 'id', direction: 'ASC' as const }].map(({ field, direction }) => {
    const sortValue = SORTABLE[field.toLowerCase()];
    if (!sortValue) throw badRequest(`Not able to sort using field '${field}'.`);
    return { sortValue, sign: direction === 'ASC' ? 1 : -1 };
  });
  return (a, b) => {
    for (const { sortValue, sign } of keys) {
      const left = sortValue(a, site);
      const right = sortValue(b, site);
      if (left !== right) return left < right ? -sign : sign;
    }
    return 0;
  };
}
