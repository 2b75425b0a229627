import * as z from 'zod';
import { badRequest, JiraHttpError } from '../http';
import { compileJql } from '../jql/compile';
import { hasPermission } from '../permissions';
import { ISSUE_FIELDS, issueView, type IssueField } from '../views';
import { integerParam, listParam, parseBody } from './params';
import { ok, type Route, type RouteContext, type RouteOutcome } from './route';

const DEFAULT_MAX_RESULTS = 50;
/** Jira's stated maximum when only ids or keys are asked for. */
const MAX_RESULTS_IDS_ONLY = 5000;
/** The simulator's cap when other fields are asked for (the spec lets Jira return fewer). */
const MAX_RESULTS_WITH_FIELDS = 100;
const MAX_PROPERTIES = 5;

interface SearchRequest {
  readonly jql: string;
  readonly nextPageToken: string | null;
  readonly maxResults: number;
  readonly fields: readonly string[];
  readonly properties: readonly string[];
  /** Jira's `expand`, comma-separated: the simulator knows `changelog`. */
  readonly expand: readonly string[];
}

const searchBody = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().nullish(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  expand: z.string().optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).optional(),
});

export const searchPostRoute: Route = {
  method: 'POST',
  path: '/rest/api/3/search/jql',
  handle(context) {
    const body = parseBody(searchBody, context.body ?? {});
    return search(context, {
      jql: body.jql ?? '',
      nextPageToken: body.nextPageToken ?? null,
      maxResults: body.maxResults ?? DEFAULT_MAX_RESULTS,
      fields: body.fields ?? ['id'],
      properties: body.properties ?? [],
      expand: (body.expand ?? '').split(',').map((part) => part.trim()),
    });
  },
};

export const searchGetRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/search/jql',
  handle(context) {
    const { query } = context;
    const fields = listParam(query, 'fields');
    return search(context, {
      jql: query.get('jql') ?? '',
      nextPageToken: query.get('nextPageToken'),
      maxResults: integerParam(query, 'maxResults', DEFAULT_MAX_RESULTS),
      fields: fields.length > 0 ? fields : ['id'],
      properties: listParam(query, 'properties'),
      expand: listParam(query, 'expand'),
    });
  },
};

function search(context: RouteContext, request: SearchRequest): RouteOutcome {
  if (request.properties.length > MAX_PROPERTIES) {
    throw badRequest(`You can request at most ${MAX_PROPERTIES} issue properties.`);
  }
  if (request.maxResults < 1) throw badRequest('The maxResults parameter must be greater than 0.');
  const query = compileJql(request.jql, context.site);
  if (!query.bounded) throw badRequest('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  const fields = selectedFields(request.fields);
  const cap = request.fields.every((field) => field === 'id' || field === 'key') ? MAX_RESULTS_IDS_ONLY : MAX_RESULTS_WITH_FIELDS;
  const pageSize = Math.min(request.maxResults, cap);
  const offset = request.nextPageToken === null ? 0 : readPageToken(request.nextPageToken, request.jql);

  const { store, caller } = context;
  const matching = [...store.allIssues()]
    .filter((issue) => hasPermission(caller, issue.projectId, 'BROWSE_PROJECTS') && query.matches(issue))
    .sort(query.compare);
  const page = matching.slice(offset, offset + pageSize);
  const isLast = offset + page.length >= matching.length;
  const expand = { changelog: request.expand.includes('changelog') };
  const issues = page.map((issue) => issueView(store, issue, fields, request.properties, context.baseUrl, expand));
  const body = isLast ? { issues, isLast } : { issues, isLast, nextPageToken: writePageToken(offset + page.length, request.jql) };
  return ok(body, issues.length);
}

/** `*all` and `*navigable` stand for every field the simulator knows; unknown fields are ignored, as Jira does. */
export function selectedFields(requested: readonly string[]): IssueField[] {
  if (requested.includes('*all') || requested.includes('*navigable')) return [...ISSUE_FIELDS];
  return ISSUE_FIELDS.filter((field) => requested.includes(field));
}

/** Opaque to clients; bound to the query so a token cannot be replayed against another. */
function writePageToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ offset, jql })).toString('base64url');
}

const pageToken = z.object({ offset: z.number().int().nonnegative(), jql: z.string() });

function readPageToken(token: string, jql: string): number {
  const parsed = pageToken.safeParse(safeJson(Buffer.from(token, 'base64url').toString('utf8')));
  if (!parsed.success || parsed.data.jql !== jql) throw badRequest('The nextPageToken is invalid or does not belong to this query.');
  return parsed.data.offset;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Jira Cloud removed the old search API: both of its forms answer 410 Gone with this message. */
function removedSearch(method: 'GET' | 'POST'): Route {
  return {
    method,
    path: '/rest/api/3/search',
    handle() {
      throw new JiraHttpError(410, {
        errorMessages: [
          'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
        ],
        errors: {},
      });
    },
  };
}

export const removedSearchRoutes: readonly Route[] = [removedSearch('GET'), removedSearch('POST')];
