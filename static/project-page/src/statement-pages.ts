/**
 * Reading a statement's lists a page at a time: the statement's summary carries the first page of each list, and
 * `usage/statementPage` answers the rest. Every page names the revision it was cut from; one that differs from the
 * summary's means the statement changed meanwhile, and its pages can no longer be put together.
 */
// Relative, not through the `@contract` alias, so that the root project's tests can import this module too.
import type { DataOf, Outcome, PayloadOf, StatementList } from '../../../src/contract';
import type { InvoicedStatement } from '../../../src/ledger/types';

export type StatementSummary = DataOf<'usage/statement'>;
export type PageRequest = PayloadOf<'usage/statementPage'>;
export type PageAnswer = DataOf<'usage/statementPage'>;
/** The answer for one list: its pages hold that list's items. */
export type PageAnswerOf<List extends StatementList> = Extract<PageAnswer, { readonly list: List }>;
export type ItemOf<List extends StatementList> = PageAnswerOf<List>['page']['items'][number];

/** Which statement the pages are of: a period's current statement, or one frozen version. */
export interface StatementRef {
  readonly planId: string;
  readonly period: string;
  readonly version?: number;
}

export type PageFetcher = (request: PageRequest) => Promise<Outcome<PageAnswer>>;

/** Raised when a page comes from another revision than the summary: the statement changed while being read. */
export class StatementChanged extends Error {
  constructor() {
    super('The statement changed while it was being read.');
    this.name = 'StatementChanged';
  }
}

export function isPageOf<List extends StatementList>(answer: PageAnswer, list: List): answer is PageAnswerOf<List> {
  return answer.list === list;
}

/** One page of one list: the answer narrowed to that list's shape (an answer for another list is an error). */
export async function fetchListPage<List extends StatementList>(
  fetchPage: PageFetcher,
  request: Extract<PageRequest, { readonly list: List }>,
): Promise<Outcome<PageAnswerOf<List>>> {
  const outcome = await fetchPage(request);
  if (!outcome.ok) return outcome;
  const list: List = request.list;
  if (!isPageOf(outcome.data, list)) return { ok: false, error: { code: 'INTERNAL', message: `Asked for ${list}, the server answered ${outcome.data.list}.` } };
  return { ok: true, data: outcome.data };
}

/** The most items a page may hold: collecting a whole list asks for this many at a time. */
export const COLLECT_PAGE_ITEMS = 2000;

interface PageOfItems<Item> {
  readonly items: readonly Item[];
  readonly nextOffset: number | null;
}

/**
 * Every item of one list from `from` on, a page at a time, each page checked to be of `revision`.
 * `onPage` hears how many of the list's items have arrived so far.
 */
async function rest<Item>(
  fetchPage: PageFetcher,
  requestAt: (offset: number) => PageRequest,
  pageIn: (answer: PageAnswer) => PageOfItems<Item> | null,
  revision: string,
  from: number | null,
  onPage: (arrived: number) => void,
): Promise<Item[]> {
  const items: Item[] = [];
  for (let offset = from; offset !== null; ) {
    const request = requestAt(offset);
    const outcome = await fetchPage(request);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const page = pageIn(outcome.data);
    if (page === null) throw new Error(`Asked for ${request.list}, the server answered ${outcome.data.list}.`);
    if (outcome.data.revision !== revision) throw new StatementChanged();
    items.push(...page.items);
    onPage(offset + page.items.length);
    offset = page.nextOffset;
  }
  return items;
}

/**
 * The whole statement an invoice shows (figures, every worklog line and late adjustment, in the ledger's order),
 * from its summary and the pages it lacks; throws {@link StatementChanged} when the statement changed meanwhile.
 */
export async function collectInvoicedStatement(
  summary: StatementSummary,
  statement: StatementRef,
  fetchPage: PageFetcher,
  onProgress: (arrived: number, total: number) => void = () => undefined,
): Promise<InvoicedStatement> {
  const { revision, updating: _updating, dailyCoveredSeconds: _daily, outOfPlanCount: _outOfPlan, lines, lateAdjustments, byIssue: _byIssue, byAuthor: _byAuthor, ...totals } = summary;
  const total = lines.total + lateAdjustments.total;
  const limit = COLLECT_PAGE_ITEMS;
  const moreLines = await rest(
    fetchPage,
    (offset) => ({ ...statement, list: 'lines', offset, limit }),
    (answer) => (isPageOf(answer, 'lines') ? answer.page : null),
    revision,
    lines.nextOffset,
    (arrived) => onProgress(arrived, total),
  );
  const moreAdjustments = await rest(
    fetchPage,
    (offset) => ({ ...statement, list: 'lateAdjustments', offset, limit }),
    (answer) => (isPageOf(answer, 'lateAdjustments') ? answer.page : null),
    revision,
    lateAdjustments.nextOffset,
    (arrived) => onProgress(lines.total + arrived, total),
  );
  return { ...totals, lines: [...lines.items, ...moreLines], lateAdjustments: [...lateAdjustments.items, ...moreAdjustments] };
}
