/**
 * The printable customer statement in Debian's Chromium: a manager opens the project page of the demo site,
 * shows a plan's details and asks for the printable statement; the print view inside the frame shows the
 * statement's customer, period, total and lines exactly as the `usage/statement` resolver answers them.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PLAN_IDS } from '../../src/jira-simulator/demo/plans';
import { formatMoney } from '../../src/statement-print';
import { launchChromium } from './support/chromium';
import { surfaceFrame, waitForText } from './support/frames';
import { invokeAs } from './support/invoke';
import { type RunningPreview, startPreview } from './support/preview-process';

jest.setTimeout(180_000);

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.join(PROJECT_ROOT, '.cache', `browser-printable-${process.pid}`);
const PLAN_NAME = 'Acme Corp — 300 h/month support contract';

let preview: RunningPreview;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [preview, browser] = await Promise.all([startPreview(DATA_DIR), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await rm(DATA_DIR, { recursive: true, force: true });
});

describe('the printable statement in a real browser', () => {
  it('renders the period statement for print inside the project page', async () => {
    await page.goto(`${preview.url}/?${new URLSearchParams({ view: 'project', user: 'manager' }).toString()}`);
    const project = surfaceFrame(page, 'projectPage');
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
    expect(await printable.getByRole('table', { name: 'Worklog lines' }).locator('tbody tr').count()).toBe(statement.lines.length);
    expect(statement.lines.length).toBeGreaterThan(0);
    expect(await printable.locator('header p').first().textContent()).toBe(PLAN_NAME);

    if (process.env.SCREENSHOTS_DIR !== undefined) {
      const folder = path.resolve(PROJECT_ROOT, process.env.SCREENSHOTS_DIR);
      await mkdir(folder, { recursive: true });
      await project.locator('iframe[title^="Printable statement"]').screenshot({ path: path.join(folder, 'printable-statement.png') });
    }
  });
});
