/**
 * Multipliers in Debian's Chromium: an admin adds an after-hours rule to a plan's terms on the settings page, and the
 * project page's worklog lines show the evening worklog at ×1.5 with its charged hours, while the covered hours count
 * the charged ones. `npm run screenshots` photographs both for the guides.
 */
import * as z from 'zod';
import { DEMO_USERS } from '../../src/jira-simulator/demo/people';
import { MODULE_KEYS, surfaceFrame, waitForText } from './support/frames';
import { invokeAs, invokeIn, previewJira } from './support/invoke';
import { photograph } from './support/photograph';
import { bucketPlanInput } from './support/plan-input';
import { usePreviewInChromium } from './support/preview-in-chromium';
import { previewWriteHeaders } from '../support/preview-token';

jest.setTimeout(180_000);

const PLAN = { id: 'browser-multipliers', name: 'Zulu Multiplier Plan' } as const;

const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1000 } });
let issueKey = '';

beforeAll(async () => {
  const created = await invokeAs(preview.url, DEMO_USERS.admin.accountId, 'plans/create', { plan: bucketPlanInput(PLAN, 10 * 3600) }, 'projectSettings');
  if (!created.ok) throw new Error(created.error.message);
  const issue = z.object({ id: z.string(), key: z.string() }).parse(await previewJira(preview.url, 'POST', 'issue', { fields: { project: { key: 'SUP' }, summary: 'Evening outage', issuetype: { name: 'Task' } } }));
  issueKey = issue.key;
  const linked = await invokeIn(preview.url, 'issue/setLink', { planId: PLAN.id, billingClass: 'covered' }, {
    accountId: DEMO_USERS.admin.accountId,
    moduleKey: MODULE_KEYS.issuePanel,
    extension: { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key }, project: { id: '10000', key: 'SUP', type: 'software' } },
  });
  if (!linked.ok) throw new Error(linked.error.message);
  // A Tuesday evening (the plan's zone is UTC): an hour from 19:00, after the rule's 18:00.
  await previewJira(preview.url, 'POST', `issue/${issue.key}/worklog`, { timeSpentSeconds: 3600, started: '2026-11-10T19:00:00.000+0000' });
  await fetch(`${preview.url}/__preview/settle`, { method: 'POST', headers: await previewWriteHeaders(preview.url) });
});

describe('multipliers', () => {
  it('refuses a factor below 1 with a clear message, then adds an after-hours rule that the worklog lines show applied', async () => {
    await preview.open({ view: 'settings', user: 'admin' });
    const settings = surfaceFrame(preview.page, 'projectSettings');
    await settings.getByRole('button', { name: `Edit ${PLAN.name}` }).click();
    const form = settings.getByRole('form', { name: `Edit plan ${PLAN.name}` });
    await form.getByRole('button', { name: 'Add a multiplier' }).click();
    const rule = form.getByRole('group', { name: 'Multiplier 1' });
    await rule.getByLabel('Factor').fill('0.5');
    await waitForText(rule.getByText(/^must be at least 1000/), 'must be at least 1000 (×1): a factor never reduces hours');
    expect(await form.getByRole('button', { name: 'Save plan' }).isDisabled()).toBe(true);
    await rule.getByLabel('Factor').fill('1.5');
    expect(await rule.getByLabel('Rule name').inputValue()).toBe('After hours');
    await photograph(rule, 'settings-multiplier-rule');
    await form.getByRole('button', { name: 'Save plan' }).click();
    await waitForText(settings.getByRole('status').filter({ hasText: 'Saved' }), `Saved ${PLAN.name}.`);

    await fetch(`${preview.url}/__preview/settle`, { method: 'POST', headers: await previewWriteHeaders(preview.url) });
    await preview.open({ view: 'project', user: 'manager' });
    const project = surfaceFrame(preview.page, 'projectPage');
    await project.getByRole('article', { name: PLAN.name }).getByRole('button', { name: 'Show details' }).click();
    const lines = project.getByRole('table', { name: 'Worklog lines' });
    const row = lines.locator('tbody tr').filter({ hasText: issueKey });
    await waitForText(row.locator('td').nth(6), '×1.5 After hours');
    const headers = await lines.locator('thead th').allTextContents();
    expect(headers.slice(4, 8).map((text) => text.replace(/[▲▼↑↓]/g, '').trim())).toEqual(['Logged', 'Billable', 'Multiplier', 'Charged']);
    const cells = await row.locator('td').allTextContents();
    expect([cells[4], cells[5], cells[7], cells[8]].map((text) => text?.replace(/\s/g, ' '))).toEqual(['1 h', '1 h', '1.5 h', '1.5 h']);
    await photograph(lines, 'project-worklog-lines-multiplier');
  });
});
