import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import { countOf, formatCount, type PluralForms } from '../../shared/format/count';
import type { SortState } from '../../shared/components/SortableTable';
import type { PagedList } from './usePagedList';

interface ListFooterProps {
  readonly list: Omit<PagedList<unknown, SortState | null>, 'sort' | 'sortBy'>;
  /** What the list counts: "worklog line" / "worklog lines". */
  readonly what: PluralForms;
  /** Reads the statement again, when a page showed it changed. */
  readonly onReload: () => void;
}

/** Under a list shown a page at a time: how much of it is shown, "Show more", and what went wrong. */
export function ListFooter({ list, what, onReload }: ListFooterProps) {
  if (!list.hasMore && !list.loading && list.error === null && !list.changed) return null;
  return (
    <div className="sh-stack">
      <div className="sh-row">
        <p className="sh-subtle" role="status" aria-live="polite">
          Showing {formatCount(list.items.length)} of {countOf(list.total, what)}
          {list.loading ? '; loading…' : '.'}
        </p>
        {list.hasMore ? <Button onClick={list.showMore}>Show more {what.other}</Button> : null}
      </div>
      {list.error === null ? null : <Banner appearance="error">{list.error}</Banner>}
      {list.changed ? (
        <Banner appearance="warning">
          The statement changed since it was shown. <Button onClick={onReload}>Show the current statement</Button>
        </Banner>
      ) : null}
    </div>
  );
}
