import { serviceDeskError } from '../http';
import type { RouteContext } from './route';

/**
 * Paging as `servicedeskapi` does it: `start` (0-based) and `limit`, answered with `size`, `start`, `limit`,
 * `isLastPage`, `values` and `_links`. Atlassian documents 50 as the default and caps `limit` at "the maximum set for
 * these objects"; the simulator caps every list at 50 (an assumption, docs/jira-simulator.md).
 */
export const SERVICE_DESK_PAGE_LIMIT = 50;

export interface PageRequest {
  readonly start: number;
  readonly limit: number;
}

export function pageRequest(query: URLSearchParams): PageRequest {
  const start = nonNegativeInteger(query, 'start', 0);
  const limit = nonNegativeInteger(query, 'limit', SERVICE_DESK_PAGE_LIMIT);
  if (limit < 1) throw serviceDeskError(400, 'The limit must be greater than zero.', 'sd.rest.paging.limit.invalid', [String(limit)]);
  return { start, limit: Math.min(limit, SERVICE_DESK_PAGE_LIMIT) };
}

function nonNegativeInteger(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw serviceDeskError(400, `The value '${raw}' of '${name}' is not a non-negative integer.`, 'sd.rest.paging.param.invalid', [name, raw]);
  }
  return value;
}

/** The page of `items` the request asks for, with links to its neighbours. */
export function servicePage<T>(context: RouteContext, items: readonly T[], { start, limit }: PageRequest) {
  const values = items.slice(start, start + limit);
  const isLastPage = start + values.length >= items.length;
  const linkTo = (pageStart: number): string => {
    const url = new URL(context.selfUrl);
    url.searchParams.set('start', String(pageStart));
    url.searchParams.set('limit', String(limit));
    return url.toString();
  };
  return {
    _expands: [],
    size: values.length,
    start,
    limit,
    isLastPage,
    values,
    _links: {
      base: `${context.baseUrl}/rest/servicedeskapi`,
      context: '',
      self: context.selfUrl,
      ...(isLastPage ? {} : { next: linkTo(start + limit) }),
      ...(start > 0 ? { prev: linkTo(Math.max(0, start - limit)) } : {}),
    },
  };
}
