/**
 * The surfaces by keyboard alone, in Debian's Chromium: a Tab walk through each surface reaches every control once, in
 * document order, each visibly focused; the main actions work with Enter, Space and the arrow keys; after an action the
 * keyboard lands on its outcome; and the burn chart shows each day's value on hover and on focus, with a table behind it.
 */
import type { FrameLocator } from 'playwright-core';
import * as z from 'zod';
import { isFocused, type SurfaceKey, surfaceFrame, surfaceFrameHandle, waitForText } from './support/frames';
import { previewJira } from './support/invoke';
import { walkWithTab } from './support/keyboard-walk';
import { usePreviewInChromium } from './support/preview-in-chromium';

jest.setTimeout(180_000);


const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1000 } });

/** Walks the surface with Tab and checks the walk: every stop once, in document order, each with a focus ring. */
async function expectFullKeyboardWalk(surface: SurfaceKey): Promise<number> {
  const walk = await walkWithTab(preview.page, await surfaceFrameHandle(preview.page, surface));
  expect(walk.positiveTabIndex).toBe(0);
  expect(walk.visited.map((stop) => stop.description)).toEqual(walk.stops);
  expect(walk.visited.map((stop) => stop.order)).toEqual(walk.stops.map((_, index) => index));
  expect(walk.visited.filter((stop) => !stop.visiblyFocused).map((stop) => stop.description)).toEqual([]);
  return walk.stops.length;
}

describe('the surfaces by keyboard', () => {
  it('puts a new issue on a plan with the keyboard alone, and the keyboard follows each outcome on the panel', async () => {
    const created = await previewJira(preview.url, 'POST', 'issue', { fields: { project: { key: 'SUP' }, summary: 'Keyboard only', issuetype: { name: 'Task' } } });
    await preview.open({ view: 'issue', user: 'agent-us', issue: z.object({ key: z.string() }).parse(created).key });
    const panel = surfaceFrame(preview.page, 'issuePanel');
    const picker = panel.getByLabel('Plan', { exact: true });
    await picker.waitFor({ timeout: 30_000 });
    expect(await expectFullKeyboardWalk('issuePanel')).toBeGreaterThanOrEqual(3);

    await picker.focus();
    const first = await picker.inputValue();
    await preview.page.keyboard.press('ArrowDown');
    const chosen = await picker.inputValue();
    expect(chosen).not.toBe(first);
    const planName = ((await picker.locator('option:checked').textContent()) ?? '').trim();
    await preview.page.keyboard.press('Tab');
    await preview.page.keyboard.press('Tab');
    expect(await isFocused(panel.getByRole('button', { name: 'Add to plan' }))).toBe(true);
    await preview.page.keyboard.press('Enter');
    const added = panel.getByRole('status').filter({ hasText: 'Added to' });
    await waitForText(added, `Added to ${planName} as Covered by the plan.`);
    expect(await isFocused(added)).toBe(true);

    // The linked panel, walked again; then Change plan by Space puts the keyboard in the picker, and Cancel returns it.
    await panel.getByRole('button', { name: 'Change plan' }).waitFor({ timeout: 30_000 });
    await expectFullKeyboardWalk('issuePanel');
    await panel.getByRole('button', { name: 'Change plan' }).focus();
    await preview.page.keyboard.press('Space');
    await picker.waitFor({ timeout: 30_000 });
    expect(await isFocused(picker)).toBe(true);
    // A new attempt takes the last outcome away: no success message stands beside what comes next.
    expect(await added.count()).toBe(0);
    expect(await picker.inputValue()).toBe(chosen);
    await panel.getByRole('button', { name: 'Cancel' }).focus();
    await preview.page.keyboard.press('Enter');
    await panel.getByRole('button', { name: 'Change plan' }).waitFor({ timeout: 30_000 });
    expect(await isFocused(panel.getByRole('button', { name: 'Change plan' }))).toBe(true);
  });

  it('walks the project page, opens another plan\'s details with Space, and reads its burn chart with the arrow keys', async () => {
    await preview.open({ view: 'project', user: 'manager' });
    const project = surfaceFrame(preview.page, 'projectPage');
    const cards = project.getByRole('article');
    await cards.first().waitFor({ timeout: 30_000 });
    const details = project.getByRole('region', { name: / details$/ });
    await details.getByRole('heading', { name: 'Worklog lines' }).waitFor({ timeout: 30_000 });
    await details.locator('.sh-burn').waitFor({ timeout: 30_000 });
    expect(await expectFullKeyboardWalk('projectPage')).toBeGreaterThan(5);

    // Another plan with hours available (not the first, shown already), by Space on its Show details.
    const other = cards.filter({ has: project.getByTestId('remaining') }).nth(1);
    const otherName = await other.getAttribute('aria-label');
    await other.getByRole('button', { name: 'Show details' }).focus();
    await preview.page.keyboard.press('Space');
    const otherDetails = project.getByRole('region', { name: `${otherName ?? ''} details` });
    await otherDetails.locator('.sh-burn').waitFor({ timeout: 30_000 });
    await expectBurnChartReadable(project, otherDetails);

    // A pay-as-you-go plan has no hours available: its chart draws no available line.
    const payg = cards.filter({ has: project.getByTestId('billed') }).first();
    const paygName = await payg.getAttribute('aria-label');
    await payg.getByRole('button', { name: 'Show details' }).focus();
    await preview.page.keyboard.press('Enter');
    const paygChart = project.getByRole('region', { name: `${paygName ?? ''} details` }).locator('.sh-burn');
    await paygChart.waitFor({ timeout: 30_000 });
    expect((await paygChart.locator('svg text').allTextContents()).filter((label) => label.startsWith('Available'))).toEqual([]);
  });

  it('closes and reopens a period with the keyboard, and the keyboard lands on each outcome', async () => {
    await preview.open({ view: 'project', user: 'admin' });
    const project = surfaceFrame(preview.page, 'projectPage');
    const periods = project.getByRole('table', { name: 'Open and closed periods' });
    const row = periods.locator('tbody tr').filter({ has: project.getByRole('button', { name: 'Close period' }) }).first();
    const close = row.getByRole('button', { name: 'Close period' });
    await close.waitFor({ timeout: 30_000 });
    const label = ((await row.locator('td').first().textContent()) ?? '').trim();
    await close.focus();
    await preview.page.keyboard.press('Enter');
    const confirm = periods.getByRole('button', { name: `Confirm: close ${label}` });
    expect(await isFocused(confirm)).toBe(true);
    await preview.page.keyboard.press('Enter');
    const closed = project.getByRole('status').filter({ hasText: `Closed ${label}` });
    await waitForText(closed, `Closed ${label}: its statement is frozen.`);
    expect(await isFocused(closed)).toBe(true);

    const reopen = periods.getByRole('button', { name: 'Reopen…' });
    await reopen.focus();
    await preview.page.keyboard.press('Enter');
    const reason = periods.getByLabel(`Why reopen ${label}?`);
    expect(await isFocused(reason)).toBe(true);
    // Reopen without a reason: the keyboard stays on the reason, which now says what is missing.
    await periods.getByRole('button', { name: 'Reopen', exact: true }).focus();
    await preview.page.keyboard.press('Enter');
    expect(await isFocused(reason)).toBe(true);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await preview.page.keyboard.type('Keyboard check');
    await preview.page.keyboard.press('Tab');
    await preview.page.keyboard.press('Enter');
    const reopened = project.getByRole('status').filter({ hasText: `Reopened ${label}` });
    await waitForText(reopened, `Reopened ${label}.`);
    expect(await isFocused(reopened)).toBe(true);
  });

  it('walks the project settings and creates a plan with the keyboard alone', async () => {
    await preview.open({ view: 'settings', user: 'admin' });
    const settings = surfaceFrame(preview.page, 'projectSettings');
    const create = settings.getByRole('button', { name: 'Create plan' });
    await create.waitFor({ timeout: 30_000 });
    await settings.getByRole('table').first().waitFor({ timeout: 30_000 });
    expect(await expectFullKeyboardWalk('projectSettings')).toBeGreaterThan(5);

    await create.focus();
    await preview.page.keyboard.press('Enter');
    const form = settings.getByRole('form', { name: 'New plan' });
    await form.waitFor({ timeout: 30_000 });
    expect(await isFocused(form.getByLabel('Name'))).toBe(true);
    await preview.page.keyboard.type('Keyboard Plan');
    await preview.page.keyboard.press('Tab');
    expect(await isFocused(form.getByLabel('Plan id (used in JQL)'))).toBe(true);
    await preview.page.keyboard.type('keyboard-plan');
    for (const [label, typed] of [['Time zone', 'UTC'], ['Included hours per period', '5']] as const) {
      await form.getByLabel(label).focus();
      await preview.page.keyboard.press('ControlOrMeta+A');
      await preview.page.keyboard.type(typed);
    }
    await preview.page.keyboard.press('Enter');
    const saved = settings.getByRole('status').filter({ hasText: 'Saved' });
    await waitForText(saved, 'Saved Keyboard Plan.');
    expect(await isFocused(saved)).toBe(true);

    // Cancel returns the keyboard to what opened the form: Create plan, or the plan's Edit button.
    for (const openerName of ['Create plan', 'Edit Keyboard Plan']) {
      const opener = settings.getByRole('button', { name: openerName });
      await opener.focus();
      await preview.page.keyboard.press('Enter');
      await settings.getByRole('button', { name: 'Cancel' }).focus();
      await preview.page.keyboard.press('Enter');
      await opener.waitFor({ timeout: 30_000 });
      expect(await isFocused(opener)).toBe(true);
    }
  });

  it('walks the dashboard gadget', async () => {
    await preview.open({ view: 'dashboard', user: 'manager' });
    const gadget = surfaceFrame(preview.page, 'gadget');
    await gadget.getByRole('button').or(gadget.getByRole('link')).or(gadget.getByRole('combobox')).first().waitFor({ timeout: 30_000 });
    // The demo has plans in two projects (SUP and the help desk): with SUP chosen, the edit view shows all its controls.
    const project = gadget.getByLabel('Project', { exact: true });
    await project.locator('option').nth(1).waitFor({ state: 'attached', timeout: 30_000 });
    await project.selectOption('SUP');
    await gadget.getByLabel('Support plan').waitFor({ timeout: 30_000 });
    await expectFullKeyboardWalk('gadget');
  });
});

/**
 * The burn chart of `details`: its axes are labelled, its one tab stop is today's point with a tooltip, the arrow keys,
 * Home and End walk the points (the last is the forecast), hovering shows a point too, and the hidden table holds the
 * same values as the tooltips.
 */
async function expectBurnChartReadable(project: FrameLocator, details: ReturnType<FrameLocator['getByRole']>): Promise<void> {
  const chart = details.locator('.sh-burn');
  const labels = await chart.locator('svg text').allTextContents();
  expect(labels).toContain('0 h');
  expect(labels.some((label) => /^Period ends [A-Z][a-z]{2} \d+$/.test(label))).toBe(true);
  expect(labels.some((label) => /^Available [\d.,]+ h$/.test(label))).toBe(true);
  expect(labels.filter((label) => /^[A-Z][a-z]{2} \d+$/.test(label)).length).toBeGreaterThanOrEqual(4);

  const rows = chart.locator('table tbody tr');
  const table = await rows.allTextContents();
  const tooltip = project.getByTestId('burn-tooltip');
  const point = chart.locator('circle[tabindex="0"]');
  await point.focus();
  await preview.page.keyboard.press('ArrowRight');
  await preview.page.keyboard.press('ArrowLeft');
  const today = ((await tooltip.textContent()) ?? '').trim();
  expect(today).toMatch(/^[A-Z][a-z]{2} \d+, \d{4}: [\d.,]+ h used$/);
  expect(await point.getAttribute('aria-label')).toBe(today);

  await preview.page.keyboard.press('ArrowLeft');
  const yesterday = ((await tooltip.textContent()) ?? '').trim();
  expect(yesterday).not.toBe(today);
  await preview.page.keyboard.press('Home');
  const firstDay = ((await tooltip.textContent()) ?? '').trim();
  await preview.page.keyboard.press('End');
  const projected = ((await tooltip.textContent()) ?? '').trim();
  expect(projected).toMatch(/^Projected by the period's end \([A-Z][a-z]{2} \d+, \d{4}\): [\d.,]+ h$/);
  // The table says the same as the tooltips, day by day: "<day><hours>" per row.
  expect(table.at(0)).toBe(firstDay.replace(': ', '').replace(/ used$/, ''));
  expect(table.at(-1)).toBe(projected.replace(': ', ''));

  await preview.page.keyboard.press('Tab');
  expect(await tooltip.count()).toBe(0);
  const box = await chart.locator('svg').boundingBox();
  if (box === null) throw new Error('The burn chart has no box');
  await chart.locator('svg').hover({ position: { x: box.width * 0.3, y: box.height / 2 } });
  expect(((await tooltip.textContent()) ?? '').trim()).toMatch(/^[A-Z][a-z]{2} \d+, \d{4}: [\d.,]+ h used$/);
}
