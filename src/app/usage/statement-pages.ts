/**
 * A statement as resolvers answer it: its figures with the first page of each list, or one page of one list, so
 * that no answer grows with the period's work. Pages are cut by count and by bytes (an issue summary may be long);
 * every answer names the statement's revision, so a reader that pages through a statement that changed meanwhile
 * can tell.
 */
import {
  STATEMENT_FIRST_PAGE_MAX_BYTES,
  STATEMENT_PAGE_DEFAULT_ITEMS,
  STATEMENT_PAGE_MAX_BYTES,
  type BreakdownSortKey,
  type HandlerDataOf,
  type LineSortKey,
  type ParsedPayloadOf,
  type StatementUpdating,
} from '../../contract';
import { billedSecondsOf } from '../../ledger/ledger-entry';
import type { Breakdown, Period, Statement, WorklogLine } from '../../ledger/types';
import { sha256Hex } from '../closing/canonical-json';
import { utf8Length } from '../../collections/utf8-length';

export type StatementSummary = HandlerDataOf<'usage/statement'>;
export type StatementPageAnswer = HandlerDataOf<'usage/statementPage'>;
/** Which page of which list, in which order (the statement it is cut from is the caller's). */
export type StatementPageRequest = ParsedPayloadOf<'usage/statementPage'>;

type IssueRow = Breakdown & { readonly issueKey?: string };
type Sort<Key> = { readonly key: Key; readonly descending: boolean } | undefined;

interface Page<Item> {
  readonly items: readonly Item[];
  readonly offset: number;
  readonly total: number;
  readonly nextOffset: number | null;
}

const DAY_MS = 86_400_000;
const collator = new Intl.Collator('en', { numeric: true });

/**
 * Items from `offset` on: at most `limit`, and no more than fit in `maxBytes` of JSON (always at least one, so a
 * reader moves on whatever an item's size).
 */
export function pageOf<Item>(items: readonly Item[], offset: number, limit: number, maxBytes: number): Page<Item> {
  const taken: Item[] = [];
  let bytes = 0;
  for (let index = offset; index < items.length && taken.length < limit; index += 1) {
    const item = items[index] as Item;
    bytes += utf8Length(JSON.stringify(item)) + 1;
    if (bytes > maxBytes && taken.length > 0) break;
    taken.push(item);
  }
  const end = offset + taken.length;
  return { items: taken, offset, total: items.length, nextOffset: end < items.length ? end : null };
}

/** Names the statement's content: its figures and lists; the forecast, which moves with the clock, is left out. */
async function revisionOf(statement: Statement): Promise<string> {
  const { forecast: _forecast, ...content } = statement;
  return (await sha256Hex(JSON.stringify(content))).slice(0, 32);
}

/**
 * Covered seconds logged on each day of the period, day 0 being its first 24 hours.
 *
 * @example dailyCoveredSeconds({ start: 0, end: 2 * DAY_MS, … }, [{ started: 1, coveredSeconds: 60 }]) // [60, 0]
 */
export function dailyCoveredSeconds(period: Pick<Period, 'start' | 'end'>, lines: readonly Pick<WorklogLine, 'started' | 'coveredSeconds'>[]): number[] {
  const days = Math.max(1, Math.ceil((period.end - period.start) / DAY_MS));
  const perDay = new Array<number>(days).fill(0);
  for (const line of lines) {
    const day = Math.min(days - 1, Math.max(0, Math.floor((line.started - period.start) / DAY_MS)));
    perDay[day] = (perDay[day] ?? 0) + line.coveredSeconds;
  }
  return perDay;
}

/** The breakdown by issue with each issue's key, from the first of its lines that knows it. */
function issueRows(statement: Statement): IssueRow[] {
  const keys = new Map<string, string>();
  for (const line of statement.lines) if (line.issueKey !== undefined && !keys.has(line.issueId)) keys.set(line.issueId, line.issueKey);
  return statement.byIssue.map((row) => {
    const issueKey = keys.get(row.key);
    return issueKey === undefined ? row : { ...row, issueKey };
  });
}

type SortValue = number | string;

function sorted<Item>(items: readonly Item[], valueOf: (item: Item) => SortValue, descending: boolean): readonly Item[] {
  const direction = descending ? -1 : 1;
  // Array.prototype.sort is stable: ties keep the ledger's order.
  return [...items].sort((a, b) => {
    const left = valueOf(a);
    const right = valueOf(b);
    const order = typeof left === 'number' && typeof right === 'number' ? left - right : collator.compare(String(left), String(right));
    return order * direction;
  });
}

const LINE_SORT_VALUES: Readonly<Record<LineSortKey, (line: WorklogLine) => SortValue>> = {
  started: (line) => line.started,
  issue: (line) => line.issueKey ?? line.issueId,
  author: (line) => line.authorAccountId ?? '',
  billingClass: (line) => line.billingClass,
  raw: (line) => line.rawSeconds,
  rounded: (line) => line.roundedSeconds,
  // A line no multiplier touched is charged its rounded seconds at ×1.
  factor: (line) => Math.max(1000, ...(line.segments ?? []).map((segment) => segment.factorPermille)),
  charged: billedSecondsOf,
  covered: (line) => line.coveredSeconds,
  overage: (line) => line.overageSeconds,
};

function breakdownSortValue<Row extends Breakdown>(key: BreakdownSortKey, labelOf: (row: Row) => string): (row: Row) => SortValue {
  switch (key) {
    case 'key':
      return labelOf;
    case 'rounded':
      return (row) => row.roundedSeconds;
    case 'covered':
      return (row) => row.coveredSeconds;
    case 'overage':
      return (row) => row.overageSeconds;
    case 'extra':
      return (row) => row.extraSeconds;
    case 'nonBillable':
      return (row) => row.nonBillableSeconds;
    case 'count':
      return (row) => row.worklogCount;
  }
}

/** Breakdowns come by billable hours, most first, unless a reader sorts them otherwise. */
const BREAKDOWN_ORDER = { key: 'rounded', descending: true } as const;

function breakdownPage<Row extends Breakdown>(rows: readonly Row[], labelOf: (row: Row) => string, sort: Sort<BreakdownSortKey>, offset: number, limit: number, maxBytes: number): Page<Row> {
  const order = sort ?? BREAKDOWN_ORDER;
  return pageOf(sorted(rows, breakdownSortValue(order.key, labelOf), order.descending), offset, limit, maxBytes);
}

function linesPage(statement: Statement, sort: Sort<LineSortKey>, offset: number, limit: number, maxBytes: number): Page<WorklogLine> {
  const lines = sort === undefined ? statement.lines : sorted(statement.lines, LINE_SORT_VALUES[sort.key], sort.descending);
  return pageOf(lines, offset, limit, maxBytes);
}

const issuesPage = (statement: Statement, sort: Sort<BreakdownSortKey>, offset: number, limit: number, maxBytes: number): Page<IssueRow> =>
  breakdownPage(issueRows(statement), (row) => row.issueKey ?? row.key, sort, offset, limit, maxBytes);

const authorsPage = (statement: Statement, sort: Sort<BreakdownSortKey>, offset: number, limit: number, maxBytes: number): Page<Breakdown> =>
  breakdownPage(statement.byAuthor, (row) => row.key, sort, offset, limit, maxBytes);

/** One page of one of the statement's lists, with the statement's revision and whether it is the last refreshed one while the figures are updating. */
export async function statementPage(statement: Statement, request: StatementPageRequest, updating: StatementUpdating = null): Promise<StatementPageAnswer> {
  const revision = await revisionOf(statement);
  const { offset, limit } = request;
  const maxBytes = STATEMENT_PAGE_MAX_BYTES;
  switch (request.list) {
    case 'lines':
      return { list: 'lines', revision, updating, page: linesPage(statement, request.sort, offset, limit, maxBytes) };
    case 'lateAdjustments':
      return { list: 'lateAdjustments', revision, updating, page: pageOf(statement.lateAdjustments, offset, limit, maxBytes) };
    case 'byIssue':
      return { list: 'byIssue', revision, updating, page: issuesPage(statement, request.sort, offset, limit, maxBytes) };
    case 'byAuthor':
      return { list: 'byAuthor', revision, updating, page: authorsPage(statement, request.sort, offset, limit, maxBytes) };
  }
}

/** The statement's figures, its daily covered seconds and the first page of each list (`updating`: see the contract's `statementUpdatingSchema`). */
export async function statementSummary(statement: Statement, updating: StatementUpdating = null): Promise<StatementSummary> {
  const { lines, lateAdjustments, byIssue: _byIssue, byAuthor: _byAuthor, outOfPlan, ...totals } = statement;
  const [limit, maxBytes] = [STATEMENT_PAGE_DEFAULT_ITEMS, STATEMENT_FIRST_PAGE_MAX_BYTES];
  return {
    ...totals,
    revision: await revisionOf(statement),
    updating,
    dailyCoveredSeconds: dailyCoveredSeconds(statement.period, lines),
    outOfPlanCount: outOfPlan.length,
    lines: linesPage(statement, undefined, 0, limit, maxBytes),
    lateAdjustments: pageOf(lateAdjustments, 0, limit, maxBytes),
    byIssue: issuesPage(statement, undefined, 0, limit, maxBytes),
    byAuthor: authorsPage(statement, undefined, 0, limit, maxBytes),
  };
}
