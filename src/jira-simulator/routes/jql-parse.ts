import * as z from 'zod';
import { badRequest, JiraHttpError } from '../http';
import { compileJql } from '../jql/compile';
import { parseJql } from '../jql/parse';
import type { JqlSite } from '../jql/fields';
import { parseBody } from './params';
import { ok, type Route } from './route';

const VALIDATIONS = ['strict', 'warn', 'none'] as const;
type Validation = (typeof VALIDATIONS)[number];

const parseRequest = z.strictObject({
  queries: z.array(z.string().min(1, { error: 'must not be empty' })).min(1, { error: 'must list at least one query' }),
});

interface ParsedQuery {
  readonly query: string;
  readonly errors?: readonly string[];
}

/**
 * `POST /rest/api/3/jql/parse`: each query's syntax errors, and in `strict` or `warn` mode its
 * validation errors (unknown fields, operators, values), checked as the caller. The answer
 * leaves out `structure`: Atlassian's published schema for it (`JqlQueryClause`, with
 * `additionalProperties: false` beside an `anyOf`) rejects every non-empty clause, and the app
 * never reads it.
 */
export const jqlParseRoute: Route = {
  method: 'POST',
  path: '/rest/api/3/jql/parse',
  handle({ query, body, site }) {
    const validation = validationOf(query.get('validation'));
    const { queries } = parseBody(parseRequest, body);
    return ok({ queries: queries.map((text) => parsed(text, validation, site)) });
  },
};

function validationOf(raw: string | null): Validation {
  if (raw === null || raw === '') return 'strict';
  const known = VALIDATIONS.find((validation) => validation === raw);
  if (known === undefined) throw badRequest(`The value '${raw}' of the query parameter 'validation' is not one of ${VALIDATIONS.join(', ')}.`);
  return known;
}

function parsed(query: string, validation: Validation, site: JqlSite): ParsedQuery {
  const syntax = jiraErrors(() => parseJql(query));
  if (syntax.length > 0) return { query, errors: syntax };
  const invalid = validation === 'none' ? [] : jiraErrors(() => compileJql(query, site));
  return invalid.length > 0 ? { query, errors: invalid } : { query };
}

/** The messages Jira would answer a search with, or none. */
function jiraErrors(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!(error instanceof JiraHttpError)) throw error;
    const { body } = error;
    return 'errorMessage' in body ? [body.errorMessage] : [...body.errorMessages, ...Object.values(body.errors)];
  }
}
