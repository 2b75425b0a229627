/**
 * The printable customer statement in Debian's Chromium: a manager opens the project page of the demo site,
 * shows a plan's details and asks for the printable statement; the print view inside the frame shows the
 * statement's customer, period, total and lines exactly as the `usage/statement` resolver answers them. A statement
 * answered as while the plan's figures update carries the page's *Updating* note and a provisional printable copy.
 */
import * as z from 'zod';
import { DEMO_USERS } from '../../src/jira-simulator/demo/people';
import { DEMO_PLAN_IDS } from '../../src/jira-simulator/demo/plans';
import { formatMoney } from '../../src/quantities';
import { badgeOf } from '../../static/shared/format/badge';
import { surfaceFrame, surfaceFrameHandle, waitForText } from './support/frames';
import { invokeAs } from './support/invoke';
import { photograph } from './support/photograph';
import { PREVIEW_NOW } from './support/preview-process';
import { usePreviewInChromium } from './support/preview-in-chromium';
import { previewWriteHeaders } from '../support/preview-token';

jest.setTimeout(180_000);

const PLAN_NAME = 'Acme Corp — 300 h/month support contract';
/** An issue summary as someone hostile might write it in Jira: markup that would run script if it were not text. */
const HOSTILE_SUMMARY = `<img src=x onerror="console.log('injected handler ran')"><script>console.log('injected script ran')</script>`;
/** Replaces the frame's `print()` by a recorder of what the page would print (the printed copy), then ends printing. */
const RECORD_PRINTING = `window.print = () => {
  const copy = document.querySelector('.sh-print-copy')?.shadowRoot;
  const lines = copy?.querySelector('table[aria-label="Worklog lines"]');
  window.printed = {
    rows: lines?.querySelectorAll('tbody tr').length ?? -1,
    hostile: copy?.querySelectorAll('script, img, [onerror]').length ?? -1,
    summary: lines?.querySelector('tbody td:nth-child(3)')?.textContent ?? null,
  };
  window.dispatchEvent(new Event('afterprint'));
}`;

/**
 * Makes the frame's page read as hidden (a background tab) until `window.shown` is set, and notes when the page starts
 * waiting to be shown (a `visibilitychange` listener added).
 */
const HIDE_PAGE = `Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (window.shown ? 'visible' : 'hidden') });
const addListener = document.addEventListener.bind(document);
document.addEventListener = (type, ...rest) => {
  if (type === 'visibilitychange') window.waitingToBeShown = true;
  return addListener(type, ...rest);
};`;
const SHOW_PAGE = `window.shown = true; document.dispatchEvent(new Event('visibilitychange'));`;

/** Worklog lines as the answers carry them (a statement's first page, or a page of lines), as far as the test changes them. */
const linesSchema = z.looseObject({ items: z.array(z.looseObject({ worklogId: z.string() })) });
const statementAnswerSchema = z.object({ ok: z.literal(true), data: z.looseObject({ lines: linesSchema }) });
const linesPageAnswerSchema = z.object({ ok: z.literal(true), data: z.looseObject({ list: z.literal('lines'), page: linesSchema }) });
const withHostileSummaries = (lines: z.infer<typeof linesSchema>) => ({ ...lines, items: lines.items.map((line) => ({ ...line, issueSummary: HOSTILE_SUMMARY })) });
/** Every line's billable seconds in the contract plan's statement of the period, in one page of the most lines a page holds. */
async function billableSeconds(period: string, total: number): Promise<number[]> {
  const page = await invokeAs(preview.url, 'demo-manager', 'usage/statementPage', { planId: DEMO_PLAN_IDS.contract, period, list: 'lines', limit: 2000 }, 'projectPage');
  if (!page.ok || page.data.list !== 'lines') throw new Error('no page of lines');
  expect(page.data.page.total).toBe(total);
  return page.data.page.items.map((line) => line.roundedSeconds);
}

const PRINTABLE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1400 } });

describe('the printable statement in a real browser', () => {
  it('renders the period statement for print inside the project page', async () => {
    await preview.open({ view: 'project', user: 'manager' });
    const project = surfaceFrame(preview.page, 'projectPage');
    await project.getByRole('article', { name: PLAN_NAME }).getByRole('button', { name: 'Show details' }).click();
    await project.getByRole('button', { name: 'Printable statement' }).click();

    const outcome = await invokeAs(preview.url, 'demo-manager', 'usage/statement', { planId: DEMO_PLAN_IDS.contract }, 'projectPage');
    if (!outcome.ok) throw new Error(outcome.error.message);
    const statement = outcome.data;
    const printable = project.frameLocator(`iframe[title="Printable statement ${statement.period.label}"]`);
    await waitForText(printable.getByRole('heading', { level: 1 }), `Statement ${statement.period.label}`);

    const locale = (await printable.locator('html').getAttribute('lang')) ?? '';
    const summaryTotal = printable.getByRole('table', { name: 'Summary' }).locator('tr.total td').last();
    expect(await summaryTotal.textContent()).toBe(formatMoney(statement.totalMinor, statement.currency, locale));
    // Every line, though the statement answers them a page at a time.
    expect(statement.lines.total).toBeGreaterThan(statement.lines.items.length);
    expect(await printable.getByRole('table', { name: 'Worklog lines' }).locator('tbody tr').count()).toBe(statement.lines.total);
    // The customer reads who did the work by name, never an account id.
    const people = new Set(await printable.getByRole('table', { name: 'Worklog lines' }).locator('tbody tr td:nth-child(4)').allTextContents());
    const demoNames = new Set(Object.values(DEMO_USERS).map((user) => user.displayName));
    expect([...people].filter((person) => !demoNames.has(person))).toEqual([]);
    expect(people.size).toBeGreaterThan(1);
    expect(await printable.locator('header p').first().textContent()).toBe(PLAN_NAME);

    await photograph(project.locator('iframe[title^="Printable statement"]'), 'printable-statement');
  });

  it('shows the worklog lines a page at a time: more on request from the keyboard, in another order on request', async () => {
    await preview.open({ view: 'project', user: 'manager' });
    const project = surfaceFrame(preview.page, 'projectPage');
    await project.getByRole('article', { name: PLAN_NAME }).getByRole('button', { name: 'Show details' }).click();
    const outcome = await invokeAs(preview.url, 'demo-manager', 'usage/statement', { planId: DEMO_PLAN_IDS.contract }, 'projectPage');
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { lines } = outcome.data;
    const table = project.getByRole('table', { name: 'Worklog lines' });
    const rows = table.locator('tbody tr');
    await table.waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(lines.items.length);
    await waitForText(project.getByRole('status').filter({ hasText: 'worklog lines' }), `Showing ${lines.items.length.toLocaleString('en-US')} of ${lines.total.toLocaleString('en-US')} worklog lines.`);

    const more = project.getByRole('button', { name: 'Show more worklog lines' });
    await more.focus();
    await preview.page.keyboard.press('Enter');
    await waitForText(project.getByRole('status').filter({ hasText: 'worklog lines' }), `Showing ${Math.min(lines.total, 2 * lines.items.length).toLocaleString('en-US')} of ${lines.total.toLocaleString('en-US')} worklog lines.`);
    expect(await rows.count()).toBe(Math.min(lines.total, 2 * lines.items.length));

    // Sorted by billable hours, most first, over the whole period (not only the rows shown): the first row is the longest line.
    await table.getByRole('button', { name: 'Billable' }).click();
    await waitForText(table.locator('th[aria-sort="descending"]'), 'Billable ▼');
    const longest = Math.max(...(await billableSeconds(outcome.data.period.label, lines.total)));
    await waitForText(rows.first().locator('td').nth(5), `${Math.round(longest / 36) / 100} h`);
  });

  it('shows the statement in a frame that may run nothing, and prints a script-free copy from the page', async () => {
    const consoleMessages: string[] = [];
    preview.page.on('console', (message) => consoleMessages.push(message.text()));
    // Every worklog line's issue summary arrives as hostile markup, as a summary written in Jira would, on every page.
    await preview.page.route('**/__preview/invoke', async (route) => {
      const response = await route.fetch();
      const answer: unknown = await response.json();
      const statement = statementAnswerSchema.safeParse(answer);
      if (statement.success) return route.fulfill({ response, json: { ...statement.data, data: { ...statement.data.data, lines: withHostileSummaries(statement.data.data.lines) } } });
      const linesPage = linesPageAnswerSchema.safeParse(answer);
      if (linesPage.success) return route.fulfill({ response, json: { ...linesPage.data, data: { ...linesPage.data.data, page: withHostileSummaries(linesPage.data.data.page) } } });
      return route.fulfill({ response });
    });
    try {
      await preview.open({ view: 'project', user: 'manager' });
      const project = surfaceFrame(preview.page, 'projectPage');
      await project.getByRole('article', { name: PLAN_NAME }).getByRole('button', { name: 'Show details' }).click();
      await project.getByRole('button', { name: 'Printable statement' }).click();

      const frame = project.locator('iframe[title^="Printable statement"]');
      expect(await frame.getAttribute('sandbox')).toBe('');
      const printable = project.frameLocator('iframe[title^="Printable statement"]');
      const summaries = printable.getByRole('table', { name: 'Worklog lines' }).locator('tbody tr td:nth-child(3)');
      await waitForText(summaries.first(), HOSTILE_SUMMARY);
      expect(await printable.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(PRINTABLE_CSP);
      expect(await printable.locator('script, img').count()).toBe(0);

      // Print: the page prints a copy of its own (the sandboxed frame may not be scripted); record what it prints.
      const projectFrame = await surfaceFrameHandle(preview.page, 'projectPage');
      await projectFrame.evaluate(RECORD_PRINTING);
      await project.getByRole('button', { name: 'Print', exact: true }).click();
      const printed: unknown = await projectFrame.evaluate('window.printed');
      const statementRows = await printable.getByRole('table', { name: 'Worklog lines' }).locator('tbody tr').count();
      expect(printed).toEqual({ rows: statementRows, hostile: 0, summary: HOSTILE_SUMMARY });
      expect(await projectFrame.evaluate("document.querySelectorAll('.sh-print-copy').length")).toBe(0);
      expect(consoleMessages.filter((text) => text.startsWith('injected'))).toEqual([]);
    } finally {
      await preview.page.unroute('**/__preview/invoke');
    }
  });

  it('notes a statement marked updating, marks its printable statement provisional, and reads it again until it is current', async () => {
    // The server answers the statement as while the plan's figures update (decision 0064), until `marking` ends.
    let marking = true;
    let statementReads = 0;
    const asOf = Date.parse(PREVIEW_NOW) - 3_600_000;
    await preview.page.route('**/__preview/invoke', async (route) => {
      const response = await route.fetch();
      const statement = statementAnswerSchema.safeParse(await response.json());
      if (!statement.success) return route.fulfill({ response });
      statementReads += 1;
      return route.fulfill({ response, json: { ...statement.data, data: { ...statement.data.data, updating: marking ? { asOf } : null } } });
    });
    try {
      await preview.open({ view: 'project', user: 'manager' });
      const project = surfaceFrame(preview.page, 'projectPage');
      await project.getByRole('article', { name: PLAN_NAME }).getByRole('button', { name: 'Show details' }).click();
      const note = project.getByTestId('statement-updating');
      await note.waitFor({ timeout: 30_000 });
      expect(await note.getAttribute('role')).toBe('status');
      expect(await note.textContent()).toMatch(/^Updating — figures as of .+\. Work recorded since then is not included yet/);

      await project.getByRole('button', { name: 'Printable statement' }).click();
      const printable = project.frameLocator('iframe[title^="Printable statement"]');
      await waitForText(printable.locator('p.provisional strong'), 'Provisional');
      await project.getByRole('button', { name: 'Close', exact: true }).click();

      // A hidden page does not read again: once its re-read is due it waits to be shown.
      const projectFrame = await surfaceFrameHandle(preview.page, 'projectPage');
      await projectFrame.evaluate(HIDE_PAGE);
      await projectFrame.waitForFunction('window.waitingToBeShown === true', undefined, { timeout: 30_000 });
      statementReads = 0;
      marking = false;
      expect([statementReads, await note.count()]).toEqual([0, 1]);
      // Once the figures are current the page, shown again, reads the statement and drops the note by itself.
      await projectFrame.evaluate(SHOW_PAGE);
      await note.waitFor({ state: 'detached', timeout: 30_000 });
      expect(statementReads).toBeGreaterThan(0);
    } finally {
      await preview.page.unroute('**/__preview/invoke');
    }
  });

  it('badges each plan as its forecast says, and shows a pay-as-you-go plan what it billed', async () => {
    const overview = async () => {
      const answer = await invokeAs(preview.url, 'demo-manager', 'usage/overview', {}, 'projectPage');
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data.cards;
    };
    const mixed = (await overview()).find((card) => card.planId === DEMO_PLAN_IDS.mixed);
    if (mixed?.thresholdState !== 'ok' || mixed.forecast?.projectedRunOutAt !== null) throw new Error('the mixed demo plan should last its period');
    // A busy day on the mixed plan: still under its first threshold, but at this pace it runs out before its period ends.
    const lines = await invokeAs(preview.url, 'demo-manager', 'usage/statementPage', { planId: DEMO_PLAN_IDS.mixed, period: mixed.period.label, list: 'lines', limit: 50 }, 'projectPage');
    if (!lines.ok || lines.data.list !== 'lines') throw new Error('no lines');
    const covered = lines.data.page.items.find((line) => line.billingClass === 'covered');
    if (covered?.issueKey === undefined) throw new Error('no covered line with an issue key');
    await preview.open({ view: 'issue', user: 'agent-us', issue: covered.issueKey });
    await preview.page.getByLabel('Started (UTC)').fill(`${PREVIEW_NOW.slice(0, 10)}T08:00`);
    await preview.page.getByLabel('Hours', { exact: true }).fill('20');
    await preview.page.getByRole('button', { name: 'Log work' }).click();
    await preview.page.getByRole('region', { name: 'Work log' }).getByRole('cell', { name: new RegExp(`^${PREVIEW_NOW.slice(0, 10)}T08:00`) }).waitFor({ timeout: 30_000 });
    await fetch(`${preview.url}/__preview/settle`, { method: 'POST', headers: await previewWriteHeaders(preview.url) });

    const cards = await overview();
    const atRisk = cards.find((card) => card.planId === DEMO_PLAN_IDS.mixed);
    expect([atRisk?.thresholdState, atRisk === undefined ? null : badgeOf(atRisk).label]).toEqual(['ok', 'At risk']);
    await preview.open({ view: 'project', user: 'manager' });
    const project = surfaceFrame(preview.page, 'projectPage');
    for (const card of cards) await waitForText(project.getByRole('article', { name: card.planName }).getByTestId('plan-badge'), badgeOf(card).label);

    const payg = cards.find((card) => card.kind === 'pay-as-you-go');
    if (payg === undefined) throw new Error('the demo has no pay-as-you-go plan');
    await project.getByRole('article', { name: payg.planName }).getByRole('button', { name: 'Show details' }).click();
    const figures = project.getByRole('region', { name: `${payg.planName} details` }).locator('dl.sh-stats dt');
    await waitForText(figures.first(), 'Billed');
    expect(await figures.allTextContents()).toEqual(['Billed', 'Extra', 'Non-billable', 'Total due']);
  });


});
