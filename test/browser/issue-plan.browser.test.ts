/**
 * The issue panel's plan in Debian's Chromium: an issue whose plan has been archived says so, its picker shows that
 * plan and a billing-class change on it saves; and the panel's link to the project page opens the issue's own plan
 * (one that is not the page's first), not whichever plan the page lists first.
 */
import * as z from 'zod';
import { surfaceFrame, waitForText } from './support/frames';
import { invokeAs, previewJira } from './support/invoke';
import { putIssueOnPlan } from './support/issue-panel';
import { bucketPlanInput } from './support/plan-input';
import { usePreviewInChromium } from './support/preview-in-chromium';

jest.setTimeout(180_000);

/** Named to sort after the demo's plans (the project page lists active plans by name), so neither is the page's first. */
const ARCHIVED = { id: 'browser-archived', name: 'Zulu Archived Plan' } as const;
const LINKED = { id: 'browser-linked', name: 'Zulu Linked Plan' } as const;

const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1000 } });
/** Fresh issues with no work logged, so the plan's figures are the plan's alone. */
let archivedIssue: string;
let linkedIssue: string;

async function newIssue(summary: string): Promise<string> {
  const created = await previewJira(preview.url, 'POST', 'issue', { fields: { project: { key: 'SUP' }, summary, issuetype: { name: 'Task' } } });
  return z.object({ key: z.string() }).parse(created).key;
}

async function openIssue(issue: string): Promise<void> {
  await preview.open({ view: 'issue', user: 'agent-us', issue });
}

beforeAll(async () => {
  for (const plan of [ARCHIVED, LINKED]) {
    const created = await invokeAs(preview.url, 'demo-admin', 'plans/create', { plan: bucketPlanInput(plan, 10 * 3600) }, 'projectSettings');
    if (!created.ok) throw new Error(created.error.message);
  }
  archivedIssue = await newIssue('On a plan about to be archived');
  linkedIssue = await newIssue('On a plan the project page lists last');
});

describe('the issue panel and its plan', () => {
  it('says an issue\'s plan is archived, shows that plan in the picker, and saves a billing-class change on it', async () => {
    await openIssue(archivedIssue);
    let panel = surfaceFrame(preview.page, 'issuePanel');
    await putIssueOnPlan(panel, ARCHIVED.id);
    await panel.getByRole('heading', { name: new RegExp(`^${ARCHIVED.name}`) }).waitFor({ timeout: 30_000 });
    const archived = await invokeAs(preview.url, 'demo-admin', 'plans/archive', { planId: ARCHIVED.id, expectedVersion: 1 }, 'projectSettings');
    if (!archived.ok) throw new Error(archived.error.message);

    await openIssue(archivedIssue);
    panel = surfaceFrame(preview.page, 'issuePanel');
    await waitForText(panel.getByRole('status').filter({ hasText: 'is archived' }), `${ARCHIVED.name} is archived: work on this issue still counts against it, but no other issue can be added to it. You can still change this issue’s billing class, or move it to an active plan with “Change plan”.`);
    // Its figures still show.
    await waitForText(panel.getByTestId('remaining'), '10 h remaining');

    await panel.getByRole('button', { name: 'Change plan' }).click();
    const picker = panel.getByLabel('Plan', { exact: true });
    await picker.waitFor({ timeout: 30_000 });
    expect(await picker.inputValue()).toBe(ARCHIVED.id);
    expect(await picker.locator('option:checked').textContent()).toBe(`${ARCHIVED.name} (archived)`);
    await panel.getByLabel('Billing class').selectOption('extra');
    await panel.getByRole('button', { name: 'Save plan' }).click();
    await panel.getByRole('button', { name: 'Change plan' }).waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('alert').count()).toBe(0);

    await panel.getByRole('button', { name: 'Change plan' }).click();
    await panel.getByLabel('Billing class').waitFor({ timeout: 30_000 });
    expect([await panel.getByLabel('Plan', { exact: true }).inputValue(), await panel.getByLabel('Billing class').inputValue()]).toEqual([ARCHIVED.id, 'extra']);
  });

  it('opens the issue\'s own plan on the project page from the panel\'s link', async () => {
    await openIssue(linkedIssue);
    const panel = surfaceFrame(preview.page, 'issuePanel');
    await putIssueOnPlan(panel, LINKED.id);
    await panel.getByRole('link', { name: `Open ${LINKED.name} on the project page` }).click();

    const project = surfaceFrame(preview.page, 'projectPage');
    const details = project.getByRole('region', { name: `${LINKED.name} details` });
    await details.waitFor({ timeout: 30_000 });
    expect(await details.getByRole('heading', { level: 2 }).textContent()).toBe(LINKED.name);
    expect(new URL(preview.page.url()).searchParams.get('path')).toBe(`/plan/${LINKED.id}`);
    // The page lists other plans before it: the link did not just land on the first.
    const first = project.getByRole('article').first();
    const firstName = await first.getAttribute('aria-label');
    expect(firstName).not.toBe(LINKED.name);

    // Another plan's details move the address along with them.
    await first.getByRole('button', { name: 'Show details' }).click();
    await project.getByRole('region', { name: `${firstName ?? ''} details` }).waitFor({ timeout: 30_000 });
    expect(new URL(preview.page.url()).searchParams.get('path')).not.toBe(`/plan/${LINKED.id}`);
  });
});
