/**
 * Bulk linking in Debian's Chromium: the admin counts a query's issues, edits the query (the link button
 * disappears until they count again), counts again and confirms, then reads what was linked and what was
 * skipped, and why. The issues are made for the test through the preview's Jira REST API.
 */
import type { FrameLocator } from 'playwright-core';
import * as z from 'zod';
import { demoPlans } from '../../src/jira-simulator/demo/plans';
import { axeViolations } from './support/axe';
import { surfaceFrame, surfaceFrameHandle, waitForText } from './support/frames';
import { previewJira } from './support/invoke';
import { usePreviewInChromium } from './support/preview-in-chromium';

jest.setTimeout(180_000);

const SUMMARY = 'Bulk link browser test';
/** The demo's plans by id; their dates don't matter here. */
const DEMO_PLANS = demoPlans('2026-01-01');

const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1400 } });

/** Jira REST on the preview's simulator, as the demo admin. */
const jira = (method: 'GET' | 'POST' | 'PUT', resource: string, body?: unknown): Promise<unknown> => previewJira(preview.url, method, resource, body);

const createdIssue = z.object({ key: z.string() });
const planProperty = z.object({ value: z.object({ planId: z.string(), billingClass: z.string() }) });

async function createIssue(summary: string): Promise<string> {
  return createdIssue.parse(await jira('POST', 'issue', { fields: { project: { key: 'SUP' }, summary, issuetype: { name: 'Task' } } })).key;
}

async function bulkSection(): Promise<FrameLocator> {
  await preview.open({ view: 'settings', user: 'admin' });
  const settings = surfaceFrame(preview.page, 'projectSettings');
  await settings.getByRole('region', { name: 'Link issues by JQL' }).waitFor({ timeout: 30_000 });
  return settings;
}

describe('bulk linking in the project settings', () => {
  it('links only what was counted: an edited query needs a new count, and the result says what was skipped and why', async () => {
    const keys = [await createIssue(`${SUMMARY} one`), await createIssue(`${SUMMARY} two`), await createIssue(`${SUMMARY} three`)];
    // SUP-1 is on one of the demo's plans; the bulk run goes to another one, which must leave SUP-1 where it is.
    const demoLink = planProperty.parse(await jira('GET', 'issue/SUP-1/properties/support-plan')).value;
    const target = DEMO_PLANS.find((plan) => plan.id !== demoLink.planId);
    const sup1Plan = DEMO_PLANS.find((plan) => plan.id === demoLink.planId);
    if (target === undefined || sup1Plan === undefined) throw new Error(`SUP-1 is on ${demoLink.planId}, not a demo plan`);

    const settings = await bulkSection();
    const section = settings.getByRole('region', { name: 'Link issues by JQL' });
    const status = section.getByRole('status').first();
    await section.getByLabel('Plan', { exact: true }).selectOption({ label: target.name });
    await section.getByLabel('JQL').fill(`summary ~ "${SUMMARY} one"`);
    await section.getByRole('button', { name: 'Count matching issues' }).click();
    await waitForText(status, `1 issue of this project matches summary ~ "${SUMMARY} one".`);
    await section.getByRole('button', { name: 'Link 1 issue' }).waitFor();

    // Editing the query after counting takes the button away: the count was for the other query.
    const query = `summary ~ "${SUMMARY}" OR key = SUP-1`;
    await section.getByLabel('JQL').fill(query);
    await waitForText(status, 'The query changed since it was counted; count again.');
    expect(await section.getByRole('button', { name: /^Link / }).count()).toBe(0);

    await section.getByRole('button', { name: 'Count matching issues' }).click();
    await waitForText(status, `4 issues of this project match ${query}.`);
    await section.getByRole('button', { name: 'Link 4 issues' }).click();

    await waitForText(section.getByRole('status').filter({ hasText: /^Done:/ }), 'Done: 3 issues linked, 1 skipped, 0 failed.');
    await waitForText(section.getByRole('list', { name: 'Skipped issues' }).getByRole('listitem'), `1 issue on another plan, ${sup1Plan.name}, stay there: SUP-1`);
    for (const key of keys) {
      expect(planProperty.parse(await jira('GET', `issue/${key}/properties/support-plan`)).value).toEqual({ planId: target.id, billingClass: 'covered' });
    }
    const violations = await axeViolations(await surfaceFrameHandle(preview.page, 'projectSettings'));
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);
  });
});
