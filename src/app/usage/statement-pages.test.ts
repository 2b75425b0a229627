import { STATEMENT_FIRST_PAGE_MAX_BYTES, STATEMENT_PAGE_DEFAULT_ITEMS, STATEMENT_PAGE_MAX_BYTES, STATEMENT_PAGE_MAX_ITEMS } from '../../contract';
import { buildStatement } from '../../ledger';
import { buildLink, buildPlan, buildWorklog, HOUR } from '../../ledger/test-builders';
import type { Statement } from '../../ledger/types';
import { dailyCoveredSeconds, pageOf, statementPage, statementSummary, type StatementPageRequest } from './statement-pages';

const DAY_MS = 86_400_000;
const plan = buildPlan({ startDate: '2026-09-01', allowance: { includedSeconds: 10 * HOUR, fixedFeeMinor: 0 } });
const ISSUES = 30;
const links = Array.from({ length: ISSUES }, (_, index) => buildLink({ issueId: String(10_000 + index), issueKey: `SUP-${index + 1}` }));

/** `count` worklogs in October, spread over the issues and three people, of 1 to 4 quarters of an hour. */
function octoberWork(count: number) {
  return Array.from({ length: count }, (_, index) =>
    buildWorklog({
      id: String(1_000_000 + index),
      issueId: String(10_000 + (index % ISSUES)),
      started: new Date(Date.UTC(2026, 9, 1 + (index % 30), 9) + index * 1000).toISOString().replace('Z', '+0000'),
      timeSpentSeconds: 900 * (1 + (index % 4)),
      author: { accountId: `acc-${index % 3}` },
    }),
  );
}

const october = (count: number, asOf?: number): Statement => buildStatement({ plan, links, worklogs: octoberWork(count), period: '2026-10', ...(asOf === undefined ? {} : { asOf }) });
const request = (overrides: Partial<StatementPageRequest> & Pick<StatementPageRequest, 'list'>): StatementPageRequest =>
  ({ planId: 'gold', period: '2026-10', offset: 0, limit: STATEMENT_PAGE_DEFAULT_ITEMS, ...overrides });

describe('pages of a list', () => {
  const items = Array.from({ length: 10 }, (_, index) => ({ n: index, text: 'x'.repeat(90) }));
  const itemBytes = JSON.stringify(items[0]).length + 1;

  it('hold at most the items asked for, from the offset, and say where the next page starts', () => {
    expect(pageOf(items, 0, 4, 1_000_000)).toEqual({ items: items.slice(0, 4), offset: 0, total: 10, nextOffset: 4 });
    expect(pageOf(items, 8, 4, 1_000_000)).toEqual({ items: items.slice(8), offset: 8, total: 10, nextOffset: null });
    expect(pageOf(items, 10, 4, 1_000_000)).toEqual({ items: [], offset: 10, total: 10, nextOffset: null });
  });

  it('end before their items pass the byte budget, and always hold one item', () => {
    expect(pageOf(items, 0, 10, 3 * itemBytes).items).toHaveLength(3);
    expect(pageOf(items, 0, 10, 3 * itemBytes - 1).items).toHaveLength(2);
    expect(pageOf(items, 2, 10, 1)).toEqual({ items: [items[2]], offset: 2, total: 10, nextOffset: 3 });
  });
});

describe('a statement in pages', () => {
  const statement = october(700);

  it('gives every line once, in the ledger\'s order, page after page', async () => {
    const seen: string[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const answer = await statementPage(statement, request({ list: 'lines', offset, limit: 250 }));
      if (answer.list !== 'lines') throw new Error(`a page of ${answer.list}`);
      seen.push(...answer.page.items.map((line) => line.worklogId));
      offset = answer.page.nextOffset;
    }
    expect(seen).toEqual(statement.lines.map((line) => line.worklogId));
  });

  it('sorts lines by any column, ties in the ledger\'s order', async () => {
    const answer = await statementPage(statement, request({ list: 'lines', limit: STATEMENT_PAGE_MAX_ITEMS, sort: { key: 'rounded', descending: true } }));
    if (answer.list !== 'lines') throw new Error(`a page of ${answer.list}`);
    const expected = [...statement.lines].sort((a, b) => b.roundedSeconds - a.roundedSeconds).map((line) => line.worklogId);
    expect(answer.page.items.map((line) => line.worklogId)).toEqual(expected);
    const byIssue = await statementPage(statement, request({ list: 'lines', limit: 40, sort: { key: 'issue', descending: false } }));
    if (byIssue.list !== 'lines') throw new Error(`a page of ${byIssue.list}`);
    // Keys compare as people read them: SUP-2 before SUP-10.
    expect(byIssue.page.items.map((line) => line.issueKey)).toEqual([...Array<string>(24).fill('SUP-1'), ...Array<string>(16).fill('SUP-2')]);
  });

  it('gives breakdowns by billable hours, most first, with each issue\'s key; or in another order when asked', async () => {
    const issues = await statementPage(statement, request({ list: 'byIssue' }));
    if (issues.list !== 'byIssue') throw new Error(`a page of ${issues.list}`);
    const billable = issues.page.items.map((row) => row.roundedSeconds);
    expect(billable).toEqual([...billable].sort((a, b) => b - a));
    expect(issues.page.items.map((row) => [row.key, row.issueKey])).toEqual(
      expect.arrayContaining([
        ['10000', 'SUP-1'],
        ['10029', 'SUP-30'],
      ]),
    );
    expect(issues.page.total).toBe(ISSUES);
    const byKey = await statementPage(statement, request({ list: 'byIssue', limit: 3, sort: { key: 'key', descending: false } }));
    expect(byKey.list === 'byIssue' && byKey.page.items.map((row) => row.issueKey)).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    const people = await statementPage(statement, request({ list: 'byAuthor', sort: { key: 'count', descending: true } }));
    expect(people.list === 'byAuthor' && people.page.items.map((row) => [row.key, row.worklogCount])).toEqual([
      ['acc-0', 234],
      ['acc-1', 233],
      ['acc-2', 233],
    ]);
  });

  it('keeps every page within its byte budget, whatever the lines\' texts', async () => {
    const long = { ...statement, lines: statement.lines.map((line) => ({ ...line, issueSummary: 'é'.repeat(1000) })) };
    const answer = await statementPage(long, request({ list: 'lines', limit: STATEMENT_PAGE_MAX_ITEMS }));
    expect(answer.list === 'lines' && [answer.page.items.length < long.lines.length, Buffer.byteLength(JSON.stringify(answer.page.items)) <= STATEMENT_PAGE_MAX_BYTES]).toEqual([true, true]);
    const summary = await statementSummary(long);
    expect(Buffer.byteLength(JSON.stringify(summary.lines.items))).toBeLessThanOrEqual(STATEMENT_FIRST_PAGE_MAX_BYTES);
  });

  it('names its revision by content: the same for the same statement at another time, another for other work', async () => {
    const now = Date.parse('2026-10-20T12:00:00Z');
    const [first, later, changed] = await Promise.all([statementSummary(october(700, now)), statementSummary(october(700, now + DAY_MS)), statementSummary(october(701, now))]);
    expect(first.forecast).not.toEqual(later.forecast);
    expect(later.revision).toBe(first.revision);
    expect(changed.revision).not.toBe(first.revision);
    expect((await statementPage(october(700), request({ list: 'byAuthor' }))).revision).toBe(first.revision);
  });
});

describe('a statement\'s summary', () => {
  it('carries its figures, the first page of each list, the daily covered seconds and the out-of-plan count', async () => {
    const statement = october(150);
    const summary = await statementSummary(statement);
    expect([summary.usedCoveredSeconds, summary.totalMinor, summary.outOfPlanCount]).toEqual([statement.usedCoveredSeconds, statement.totalMinor, 0]);
    expect([summary.lines.items.length, summary.lines.total, summary.lines.nextOffset]).toEqual([STATEMENT_PAGE_DEFAULT_ITEMS, 150, STATEMENT_PAGE_DEFAULT_ITEMS]);
    expect([summary.byIssue.total, summary.byAuthor.total, summary.lateAdjustments.total]).toEqual([ISSUES, 3, 0]);
    expect(summary.dailyCoveredSeconds.reduce((sum, seconds) => sum + seconds, 0)).toBe(statement.usedCoveredSeconds);
    expect(summary.dailyCoveredSeconds).toHaveLength(31);
  });

  it('counts covered seconds on the day of the period they were logged in, the first 24 hours being day 0', () => {
    const lines = [
      { started: 10, coveredSeconds: 60 },
      { started: DAY_MS * 2 + 5, coveredSeconds: 30 },
      { started: DAY_MS * 2 + 9, coveredSeconds: 10 },
    ];
    expect(dailyCoveredSeconds({ start: 0, end: 4 * DAY_MS }, lines)).toEqual([60, 0, 40, 0]);
  });
});
