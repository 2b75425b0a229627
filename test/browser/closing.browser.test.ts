/**
 * Closing a period in Debian's Chromium: an admin closes last month on the project page (a second press
 * confirms), an agent then logs work whose `started` falls inside that closed month, and the project page
 * shows it as a late adjustment on the open month's statement and in its CSV (`record` = `adjustment`),
 * while the closed month's statement keeps the total it was frozen with. Then a rate change in the settings is
 * refused from the closed month with a message naming it, applies from the open month, and the project page says
 * which term version priced each month.
 */
import type { FrameLocator } from 'playwright-core';
import { csvRecords } from '../support/csv';
import { surfaceFrame, waitForText } from './support/frames';
import { invokeAs } from './support/invoke';
import { putIssueOnPlan } from './support/issue-panel';
import { PREVIEW_NOW } from './support/preview-process';
import { usePreviewInChromium } from './support/preview-in-chromium';
import { previewWriteHeaders } from '../support/preview-token';

jest.setTimeout(180_000);

const ISSUE = 'SUP-1';

/** `YYYY-MM` of the month `offset` months from the preview's stopped clock, in UTC. */
function monthLabel(offset: number): string {
  const now = new Date(PREVIEW_NOW);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
}

/** The plan starts last month, so last month is the only period to close; every covered hour is overage at €100. */
const CLOSED = monthLabel(-1);
const OPEN = monthLabel(0);
const PLAN = {
  kind: 'buckets',
  id: 'browser-closing',
  name: 'Browser Closing',
  currency: 'EUR',
  timeZone: 'UTC',
  startDate: `${CLOSED}-01`,
  rounding: { incrementSeconds: 0, minimumSeconds: 0 },
  extraRateMinor: 0,
  overageRateMinor: 10_000,
} as const;
const LATE_HOURS = 2;

const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1400 }, acceptDownloads: true });

/** The project page as the admin, with the plan's details shown. */
async function openPlanDetails(): Promise<FrameLocator> {
  await preview.open({ view: 'project', user: 'admin' });
  const project = surfaceFrame(preview.page, 'projectPage');
  await project.getByRole('article', { name: PLAN.name }).getByRole('button', { name: 'Show details' }).click();
  await project.getByRole('region', { name: `${PLAN.name} details` }).waitFor({ timeout: 30_000 });
  return project;
}

/** Picks a period in the details and answers its "Total due" once that period's statement shows. */
async function totalDueFor(project: FrameLocator, label: string, closed: boolean): Promise<string> {
  const details = project.getByRole('region', { name: `${PLAN.name} details` });
  await details.getByLabel('Period', { exact: true }).selectOption(label);
  const frozen = details.getByText(/^This period is closed: its statement is frozen/);
  if (closed) await frozen.waitFor({ timeout: 30_000 });
  else await frozen.waitFor({ state: 'detached', timeout: 30_000 });
  const total = details.locator('dl.sh-stats > div').filter({ has: project.locator('dt', { hasText: /^Total due$/ }) }).locator('dd');
  await total.waitFor({ timeout: 30_000 });
  return ((await total.textContent()) ?? '').trim();
}

function periodRow(project: FrameLocator, label: string) {
  return project.getByRole('table', { name: 'Open and closed periods' }).locator('tbody tr').filter({ has: project.locator('td:first-child', { hasText: new RegExp(`^${label}$`) }) });
}

describe('closing a period in a real browser', () => {
  it('books late work on the next open statement and its CSV, and leaves the closed statement as it was', async () => {
    // Setup: a plan starting last month, and an issue on it.
    const created = await invokeAs(preview.url, 'demo-admin', 'plans/create', { plan: PLAN }, 'projectSettings');
    if (!created.ok) throw new Error(created.error.message);
    await preview.open({ view: 'issue', user: 'agent-us', issue: ISSUE });
    const panel = surfaceFrame(preview.page, 'issuePanel');
    await putIssueOnPlan(panel, PLAN.id);
    await panel.getByRole('region', { name: `${PLAN.name} balance` }).waitFor({ timeout: 30_000 });

    // The admin closes last month: "Close period", then "Confirm: close YYYY-MM".
    let project = await openPlanDetails();
    const row = periodRow(project, CLOSED);
    await waitForText(row.locator('td').nth(1), 'Open');
    await row.getByRole('button', { name: 'Close period' }).click();
    await row.getByRole('button', { name: `Confirm: close ${CLOSED}` }).click();
    await waitForText(row.locator('td').nth(1), 'Closed (v1)');
    // Who closed it, by name: never the account id.
    await row.getByText(/ by Ada Admin$/).waitFor({ timeout: 30_000 });
    await waitForText(periodRow(project, OPEN).locator('td').nth(1), 'Open');
    const closedTotal = await totalDueFor(project, CLOSED, true);
    const openTotalBefore = await totalDueFor(project, OPEN, false);
    expect(await project.getByRole('region', { name: 'Late adjustments' }).count()).toBe(0);

    // Work logged late: started inside the closed month.
    await preview.open({ view: 'issue', user: 'agent-us', issue: ISSUE });
    await preview.page.getByLabel('Started (UTC)').fill(`${CLOSED}-15T10:00`);
    await preview.page.getByLabel('Hours', { exact: true }).fill(String(LATE_HOURS));
    await preview.page.getByRole('button', { name: 'Log work' }).click();
    await preview.page.getByRole('region', { name: 'Work log' }).getByRole('cell', { name: new RegExp(`^${CLOSED}-15T10:00`) }).waitFor({ timeout: 30_000 });
    await fetch(`${preview.url}/__preview/settle`, { method: 'POST', headers: await previewWriteHeaders(preview.url) });

    // The open month's statement on the project page lists the late adjustment and its charge.
    project = await openPlanDetails();
    const late = project.getByRole('region', { name: 'Late adjustments' });
    await late.waitFor({ timeout: 30_000 });
    const added = late.locator('tbody tr[data-late-adjustment="added"]');
    expect(await added.count()).toBe(1);
    const cells = (await added.locator('td').allTextContents()).map((text) => text.trim());
    expect(cells[0]).toBe(CLOSED);
    expect(cells[1]).toBe('Added');
    expect(cells[3]).toBe(ISSUE);
    expect(cells[5]).toBe(`+${LATE_HOURS} h`);
    await waitForText(late.getByRole('listitem'), `${CLOSED} — Overage, late adjustments to ${CLOSED}: +€200.00`);
    const openTotalAfter = await totalDueFor(project, OPEN, false);
    expect(openTotalAfter).not.toBe(openTotalBefore);

    // …and in its CSV.
    const records = csvRecords(await preview.downloadedText(() => project.getByRole('button', { name: 'Download statement (CSV)' }).click()));
    const adjustments = records.filter((record) => record.record === 'adjustment');
    const worklogAdjustment = adjustments.filter((record) => record.description === `added late, adjusts ${CLOSED} (closed version 1)`);
    expect(worklogAdjustment).toHaveLength(1);
    expect(worklogAdjustment[0]?.issue).toBe(ISSUE);
    expect([worklogAdjustment[0]?.author, worklogAdjustment[0]?.author_name]).toEqual(['demo-agent-us', 'Avery Agent']);
    expect(Number(worklogAdjustment[0]?.overage_seconds)).toBe(LATE_HOURS * 3600);
    const chargeAdjustment = adjustments.filter((record) => record.description === `Overage, late adjustments to ${CLOSED}`);
    expect(chargeAdjustment).toHaveLength(1);
    expect(Number(chargeAdjustment[0]?.amount_minor)).toBe(LATE_HOURS * PLAN.overageRateMinor);
    expect(records.find((record) => record.record === 'total')?.description).toBe(`Total due for ${OPEN}`);

    // The closed month's statement is the frozen one, with the same total as before the late work.
    expect(await totalDueFor(project, CLOSED, true)).toBe(closedTotal);
  });

  it('refuses a rate change effective from the closed month, naming it; from the open month it prices only that month', async () => {
    await preview.open({ view: 'settings', user: 'admin' });
    const settings = surfaceFrame(preview.page, 'projectSettings');
    await settings.getByRole('button', { name: `Edit ${PLAN.name}` }).click();
    const form = settings.getByRole('form', { name: `Edit plan ${PLAN.name}` });
    const effectiveFrom = form.getByLabel('Effective from');
    expect(await effectiveFrom.inputValue()).toBe(OPEN);
    await form.getByLabel('Overage rate per hour').fill('150');
    await effectiveFrom.selectOption(CLOSED);
    await form.getByRole('button', { name: 'Save plan' }).click();
    await waitForText(form.getByRole('alert'), `${CLOSED} is closed; reopen it first or make the change effective from ${OPEN}.`);

    await effectiveFrom.selectOption(OPEN);
    await form.getByRole('button', { name: 'Save plan' }).click();
    await waitForText(settings.getByRole('status').filter({ hasText: 'Saved' }), `Saved ${PLAN.name}.`);
    await settings.getByRole('button', { name: `History of ${PLAN.name}` }).click();
    const versions = settings.getByRole('list', { name: 'Term versions' }).getByRole('listitem');
    await versions.filter({ hasText: `Terms v2 apply from ${OPEN}: made by Ada Admin` }).waitFor({ timeout: 30_000 });
    expect(await versions.count()).toBe(2);
    // The change reads as a sentence, by name, with the amounts as money.
    const changes = settings.getByRole('list', { name: 'Changes' });
    await changes.getByText(`Ada Admin changed the overage rate from €100.00 an hour to €150.00 an hour, effective ${OPEN}.`).waitFor({ timeout: 30_000 });
    expect(await changes.getByText(/overageRateMinor|[{}]/).count()).toBe(0);

    const project = await openPlanDetails();
    const details = project.getByRole('region', { name: `${PLAN.name} details` });
    await totalDueFor(project, OPEN, false);
    await waitForText(details.getByText(/^Priced by terms version/), `Priced by terms version 2 of 2, in force from ${OPEN}.`);
    await totalDueFor(project, CLOSED, true);
    await waitForText(details.getByText(/^Priced by terms version/), `Priced by terms version 1 of 2, in force from ${CLOSED}.`);
  });
});
