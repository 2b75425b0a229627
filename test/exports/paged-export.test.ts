/**
 * The project page's exports from a statement read a page at a time: the front end's collection
 * (static/project-page/src/statement-pages.ts) over the server's pages, each answer through JSON and the contract
 * as it travels, gives the very CSV and printable statement the whole statement gives.
 */
import { formatStatementCsv } from '../../src/cli/format-csv';
import { contract, type Outcome } from '../../src/contract';
import { statementPage, statementSummary } from '../../src/app/usage/statement-pages';
import { buildStatement, type JiraWorklog, type Statement } from '../../src/ledger';
import { buildLink, buildPlan, buildWorklog, HOUR } from '../../src/ledger/test-builders';
import { renderPrintableStatement } from '../../src/statement-print';
import { COLLECT_PAGE_ITEMS, collectInvoicedStatement, StatementChanged, type PageAnswer, type PageFetcher, type StatementSummary } from '../../static/project-page/src/statement-pages';

const plan = buildPlan({
  startDate: '2026-09-01',
  timeZone: 'Europe/Berlin',
  rounding: { incrementSeconds: 900, minimumSeconds: 900 },
  allowance: { includedSeconds: 100 * HOUR, fixedFeeMinor: 250_000 },
});
const ISSUES = 200;
// Every fifth issue has a summary of 1,000 characters (two bytes each in UTF-8): pages end by bytes, not by count.
const links = Array.from({ length: ISSUES }, (_, index) =>
  buildLink({ issueId: String(10_000 + index), issueKey: `SUP-${index + 1}`, issueSummary: index % 5 === 0 ? 'ü'.repeat(1000) : `Ticket ${index + 1}, "quoted"` }),
);

function work(month: number, count: number, firstId: number): JiraWorklog[] {
  return Array.from({ length: count }, (_, index) =>
    buildWorklog({
      id: String(firstId + index),
      issueId: String(10_000 + (index % ISSUES)),
      started: new Date(Date.UTC(2026, month, 1 + (index % 28), 8) + index * 1000).toISOString().replace('Z', '+0000'),
      timeSpentSeconds: 600 + (index % 7) * 300,
      author: { accountId: `acc-${index % 5}` },
    }),
  );
}

const september = work(8, 400, 1_000_000);
const lateToSeptember = work(8, 1500, 2_000_000);
const octoberWork = work(9, 3000, 3_000_000);
const frozenSeptember = { ...buildStatement({ plan, links, worklogs: september, period: '2026-09' }), closedVersion: 1 };
const closedPeriods = [{ periodLabel: '2026-09', version: 1, statement: frozenSeptember }];
const octoberOf = (worklogs: readonly JiraWorklog[]): Statement => buildStatement({ plan, links, worklogs, closedPeriods, period: '2026-10' });
const october = octoberOf([...september, ...lateToSeptember, ...octoberWork]);

/** An answer as the front end receives it: through JSON, and as the contract describes it. */
const overTheWire = <T>(parse: (value: unknown) => T, value: unknown): T => parse(JSON.parse(JSON.stringify(value)));

/** The server's pages of `statement`, as `usage/statementPage` answers them; counts the calls. */
function pagesOf(statement: Statement, calls: { count: number }): PageFetcher {
  return async (request): Promise<Outcome<PageAnswer>> => {
    calls.count += 1;
    const parsed = contract['usage/statementPage'].payload.parse(request);
    const answer = overTheWire((value) => contract['usage/statementPage'].result.parse(value), await statementPage(statement, parsed));
    return { ok: true, data: answer };
  };
}

const summaryOf = async (statement: Statement): Promise<StatementSummary> => overTheWire((value) => contract['usage/statement'].result.parse(value), await statementSummary(statement));
const ref = { planId: plan.id, period: '2026-10' };

describe('an export put together from pages', () => {
  it('covers a statement that takes many pages of lines and late adjustments', () => {
    // Besides the 1,500 late worklogs, some of September's own lines changed: overage is drawn in another order.
    expect([october.lines.length, october.lateAdjustments.length > 1500]).toEqual([3000, true]);
  });

  it('writes the same CSV and printable statement, byte for byte, as the whole statement', async () => {
    const calls = { count: 0 };
    const progress: [number, number][] = [];
    const collected = await collectInvoicedStatement(await summaryOf(october), ref, pagesOf(october, calls), (arrived, total) => progress.push([arrived, total]));

    const authorNames = new Map([['acc-1', 'Ada']]);
    expect(formatStatementCsv({ statement: collected, plan, authorNames })).toBe(formatStatementCsv({ statement: october, plan, authorNames }));
    const printable = { plan, customer: { name: 'Acme', reference: 'SUP' }, locale: 'en-GB', issuedAt: Date.parse('2026-11-02T10:00:00Z'), authorNames };
    expect(renderPrintableStatement({ ...printable, statement: collected })).toBe(renderPrintableStatement({ ...printable, statement: october }));
    // Exported while the figures were updating: the CSV says so in a first row of its own, the rest unchanged.
    const [header, provisional, ...rows] = formatStatementCsv({ statement: collected, plan, authorNames, provisionalAsOf: Date.parse('2026-10-20T07:05:00Z') }).split('\r\n');
    const [currentHeader, ...currentRows] = formatStatementCsv({ statement: october, plan, authorNames }).split('\r\n');
    expect([header, rows]).toEqual([currentHeader, currentRows]);
    expect(provisional).toMatch(/^provisional,,,,,,2026-10-20T09:05:00\.000\+02:00,.*Provisional: figures as of 2026-10-20 09:05 while they were being updated; work recorded since is not included/);
    // More pages than the count alone needs (long summaries end pages early), and progress up to every item.
    expect(calls.count).toBeGreaterThan(Math.ceil(october.lines.length / COLLECT_PAGE_ITEMS) + Math.ceil(october.lateAdjustments.length / COLLECT_PAGE_ITEMS));
    const items = october.lines.length + october.lateAdjustments.length;
    expect(progress.at(-1)).toEqual([items, items]);
  });

  it('asks for nothing more when the summary holds the whole statement', async () => {
    const small = octoberOf([...september, ...octoberWork.slice(0, 20)]);
    const calls = { count: 0 };
    const collected = await collectInvoicedStatement(await summaryOf(small), ref, pagesOf(small, calls));
    expect([calls.count, collected.lines.length]).toEqual([0, 20]);
  });

  it('refuses to put together pages of a statement that changed while they were read', async () => {
    const changed = octoberOf([...september, ...lateToSeptember, ...octoberWork.slice(1)]);
    await expect(collectInvoicedStatement(await summaryOf(october), ref, pagesOf(changed, { count: 0 }))).rejects.toBeInstanceOf(StatementChanged);
  });
});
