/**
 * What failed in the background, as a project admin sees it in Debian's Chromium: a plan whose alert
 * recipients include an account Jira does not know crosses its threshold; the alert still reaches the
 * admin, and the settings page says who was left out and why. Everything goes through the preview's
 * resolvers and Jira REST API, and the app's own queue and consumer.
 */
import { expect } from '@jest/globals';
import { DEMO_USERS } from '../../src/jira-simulator/demo/people';
import { axeViolations } from './support/axe';
import { surfaceFrame, surfaceFrameHandle, waitForText } from './support/frames';
import { invokeAs, previewJira } from './support/invoke';
import { PREVIEW_NOW } from './support/preview-process';
import { usePreviewInChromium } from './support/preview-in-chromium';

jest.setTimeout(180_000);

const ADMIN = DEMO_USERS.admin;
const PLAN_ID = 'alert-check';
const PLAN_NAME = 'Alert check';

const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1400 } });

/** Jira REST on the preview's simulator, as the demo admin. */
const jira = (method: 'GET' | 'POST' | 'PUT', resource: string, body?: unknown): Promise<unknown> => previewJira(preview.url, method, resource, body);

describe('failed alerts and jobs in the project settings', () => {
  it('tells the admins which alert recipients were left out, and why, until they clear it', async () => {
    const month = PREVIEW_NOW.slice(0, 7);
    const created = await invokeAs(
      preview.url,
      ADMIN.accountId,
      'plans/create',
      {
        plan: {
          kind: 'buckets',
          id: PLAN_ID,
          name: PLAN_NAME,
          currency: 'EUR',
          timeZone: 'UTC',
          startDate: `${month}-01`,
          period: 'month',
          rounding: { incrementSeconds: 60, minimumSeconds: 60 },
          thresholdsPercent: [50],
          alertRecipients: { accountIds: ['stale-account', ADMIN.accountId], groups: [] },
          extraRateMinor: 0,
          allowance: { includedSeconds: 3600, fixedFeeMinor: 0 },
          blocks: [],
          overageRateMinor: 0,
        },
      },
      'projectSettings',
    );
    if (!created.ok) throw new Error(created.error.message);
    const issue = (await jira('POST', 'issue', { fields: { project: { key: 'SUP' }, summary: 'Alert check', issuetype: { name: 'Task' } } })) as { key: string };
    await jira('PUT', `issue/${issue.key}/properties/support-plan`, { planId: PLAN_ID, billingClass: 'covered' });
    await jira('POST', `issue/${issue.key}/worklog`, { timeSpentSeconds: 2400, started: `${PREVIEW_NOW.slice(0, 10)}T09:00:00.000+0000` });

    // The alert is raised and mailed by the queue in the background: wait until the project lists it.
    for (let tries = 0; tries < 120; tries += 1) {
      const problems = await invokeAs(preview.url, ADMIN.accountId, 'settings/problems', {}, 'projectSettings');
      if (problems.ok && problems.data.alerts.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    await preview.open({ view: 'settings', user: 'admin' });
    const section = surfaceFrame(preview.page, 'projectSettings').getByRole('region', { name: 'Alerts and background jobs that failed' });
    const listed = section.getByTestId('alert-problems').getByRole('listitem');
    await listed.first().waitFor({ timeout: 30_000 });
    expect((await listed.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(new RegExp(`^${PLAN_NAME}: the 50% alert for ${month} was emailed on .+, but not to everyone\\. Left out: stale-account \\(no such Jira account\\); update the plan's alert recipients\\.$`)),
    ]);

    const violations = await axeViolations(await surfaceFrameHandle(preview.page, 'projectSettings'));
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);

    // Dealt with: the admin clears the list.
    await section.getByRole('button', { name: 'Clear these entries' }).click();
    await waitForText(section.getByTestId('problems'), 'Every alert was emailed to everyone its plan names, and no background job failed.');
    const after = await invokeAs(preview.url, ADMIN.accountId, 'settings/problems', {}, 'projectSettings');
    expect(after).toEqual({ ok: true, data: { alerts: [], jobs: [], dropped: 0 } });
  });
});
