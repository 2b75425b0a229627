/**
 * The hard stop in Debian's Chromium: an admin sets a plan to stop from the settings page; once its hours are used up
 * the issue panel warns, and the preview's "Start progress" (guarded by the app's workflow validator, as an admin adds
 * it in Jira's workflow editor) is refused with the validator's message. A plan that only warns shows its banner and
 * lets the transition through. `npm run screenshots` photographs the setting and the refused transition for the guides.
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

/** One hour a month each: two hours of work in the preview's November use it up. */
const STOPPING = { id: 'browser-stopping', name: 'Zulu Stopping Plan' } as const;
const WARNING = { id: 'browser-warning', name: 'Zulu Warning Plan' } as const;


const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1000 } });
const issues: Record<string, string> = {};

/** A new issue on the plan (linked as the panel links it) with two hours of this month's work. */
async function exhaustedIssue(planId: string): Promise<string> {
  const created = z.object({ id: z.string(), key: z.string() }).parse(await previewJira(preview.url, 'POST', 'issue', { fields: { project: { key: 'SUP' }, summary: `On ${planId}`, issuetype: { name: 'Task' } } }));
  const linked = await invokeIn(preview.url, 'issue/setLink', { planId, billingClass: 'covered' }, {
    accountId: DEMO_USERS.admin.accountId,
    moduleKey: MODULE_KEYS.issuePanel,
    extension: { type: 'jira:issuePanel', issue: { id: created.id, key: created.key }, project: { id: '10000', key: 'SUP', type: 'software' } },
  });
  if (!linked.ok) throw new Error(linked.error.message);
  await previewJira(preview.url, 'POST', `issue/${created.key}/worklog`, { timeSpentSeconds: 7200, started: '2026-11-10T09:00:00.000+0000' });
  return created.key;
}

beforeAll(async () => {
  for (const plan of [STOPPING, WARNING]) {
    const created = await invokeAs(preview.url, DEMO_USERS.admin.accountId, 'plans/create', { plan: bucketPlanInput(plan, 3600) }, 'projectSettings');
    if (!created.ok) throw new Error(created.error.message);
  }
  const warned = await invokeAs(preview.url, DEMO_USERS.admin.accountId, 'plans/setHardStop', { planId: WARNING.id, expectedVersion: 1, hardStop: { mode: 'warn', whenUnknown: 'allow' } }, 'projectSettings');
  if (!warned.ok) throw new Error(warned.error.message);
  issues[STOPPING.id] = await exhaustedIssue(STOPPING.id);
  issues[WARNING.id] = await exhaustedIssue(WARNING.id);
  await fetch(`${preview.url}/__preview/settle`, { method: 'POST', headers: await previewWriteHeaders(preview.url) });
});

describe('the hard stop', () => {
  it('is set to stop on the settings page, then refuses "Start progress" with the plan and its balance, below the panel\'s banner', async () => {
    await preview.open({ view: 'settings', user: 'admin' });
    const settings = surfaceFrame(preview.page, 'projectSettings');
    await settings.getByRole('button', { name: `Hard stop of ${STOPPING.name}` }).click();
    await settings.getByLabel('Warn agents, and stop the transitions guarded by the "Support plan has hours left" validator').check();
    await settings.getByLabel('Refuse the transition until it can tell (fail closed)').check();
    const form = settings.getByRole('form', { name: `Hard stop of ${STOPPING.name}` });
    await photograph(form, 'settings-hard-stop');
    await form.getByRole('button', { name: 'Save hard stop' }).click();
    await waitForText(settings.getByRole('status').filter({ hasText: 'hard stop' }), `Saved the hard stop of ${STOPPING.name}.`);

    await preview.open({ view: 'issue', user: 'agent-us', issue: issues[STOPPING.id] ?? '' });
    const panel = surfaceFrame(preview.page, 'issuePanel');
    await waitForText(
      panel.getByTestId('hard-stop-banner'),
      `${STOPPING.name} has used up its hours for this period. Its plan stops work beyond its hours: transitions guarded by the “Support plan has hours left” validator refuse to move this issue until hours are added.`,
    );
    await preview.page.getByRole('button', { name: 'Start progress' }).click();
    await waitForText(
      preview.page.getByTestId('transition-refused'),
      `Jira refused the transition: The support plan "${STOPPING.name}" has used up its hours: 0 h left of 1 h this period (2026-11), 1 h over. Its plan stops work beyond its hours; ask a project admin to add hours or change the plan.`,
    );
    // The issue view as the agent sees it: the preview's Workflow buttons, the refusal, and the panel's banner.
    await photograph(preview.page, 'issue-hard-stop-refused');
  });

  it('only warns on a plan that warns: the panel\'s banner, and "Start progress" goes through', async () => {
    await preview.open({ view: 'issue', user: 'agent-us', issue: issues[WARNING.id] ?? '' });
    const panel = surfaceFrame(preview.page, 'issuePanel');
    await waitForText(panel.getByTestId('hard-stop-banner'), `${WARNING.name} has used up its hours for this period. Work logged now is overage; check with the account manager before starting new work.`);
    await preview.page.getByRole('button', { name: 'Start progress' }).click();
    await waitForText(preview.page.getByTestId('transition-done'), `${issues[WARNING.id] ?? ''} is now In Progress.`);
  });
});
