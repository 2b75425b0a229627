import { useRef, useState } from 'react';
import type { Outcome } from '@contract/index';
import type { SortState } from '../../shared/components/SortableTable';

export interface Page<Item> {
  readonly items: readonly Item[];
  readonly total: number;
  readonly nextOffset: number | null;
}

/** One of a statement's lists on screen, in an order (`Sort`: a column and direction; null for a list with one order). */
export interface PagedList<Item, Sort extends SortState | null> {
  /** The items shown: the first page, then every page "show more" added, in `sort`'s order. */
  readonly items: readonly Item[];
  readonly total: number;
  readonly sort: Sort;
  readonly loading: boolean;
  /** Why the last page could not be read; null when it could. */
  readonly error: string | null;
  /** A page came from a newer revision of the statement: what is shown can't be continued, the statement must be read again. */
  readonly changed: boolean;
  readonly hasMore: boolean;
  readonly showMore: () => void;
  readonly sortBy: (sort: Sort) => void;
}

interface ListState<Item, Sort> extends Page<Item> {
  readonly sort: Sort;
  readonly loading: boolean;
  readonly error: string | null;
  readonly changed: boolean;
}

export type PageOfRevision<Item> = Outcome<{ readonly revision: string; readonly page: Page<Item> }>;

/**
 * A list's first page from the statement's summary, more pages on request, and another order on request (from its
 * first page again). Mount it with `key={revision}` so a statement read again starts it afresh. `fetchPage` answers
 * the page at an offset in an order, with the revision it was cut from.
 */
export function usePagedList<Item, Sort extends SortState | null>(
  first: Page<Item>,
  revision: string,
  initialSort: Sort,
  fetchPage: (offset: number, sort: Sort) => Promise<PageOfRevision<Item>>,
): PagedList<Item, Sort> {
  const [state, setState] = useState<ListState<Item, Sort>>({ ...first, sort: initialSort, loading: false, error: null, changed: false });
  // Only the latest request's answer counts: an earlier "show more" is dropped once the order changed.
  const latest = useRef(0);

  const load = (offset: number, sort: Sort, append: boolean) => {
    const request = (latest.current += 1);
    setState((current) => ({ ...current, sort, loading: true, error: null }));
    void fetchPage(offset, sort).then((outcome) => {
      if (request !== latest.current) return;
      if (!outcome.ok) {
        setState((current) => ({ ...current, loading: false, error: outcome.error.message }));
      } else if (outcome.data.revision !== revision) {
        setState((current) => ({ ...current, loading: false, changed: true }));
      } else {
        const { page } = outcome.data;
        setState((current) => ({ ...current, ...page, items: append ? [...current.items, ...page.items] : page.items, loading: false }));
      }
    });
  };

  return {
    items: state.items,
    total: state.total,
    sort: state.sort,
    loading: state.loading,
    error: state.error,
    changed: state.changed,
    hasMore: state.nextOffset !== null,
    showMore: () => {
      if (state.nextOffset !== null && !state.loading) load(state.nextOffset, state.sort, true);
    },
    sortBy: (sort) => load(0, sort, false),
  };
}
