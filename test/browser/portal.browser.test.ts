/**
 * The customer portal in Debian's Chromium, on the demo's help desk (HELP): Acme's and Globex's help-desk plans name
 * their organisations and are shown to their members, Initech's to nobody. Customers see their own plans and requests
 * only; a customer added to an organisation sees its plan at once; an anonymous visitor and a customer with nothing
 * shared see nothing; a request moved to another organisation takes its work to that organisation's plan; the admin's
 * choices are followed at once.
 */
import type { CustomerAccess, ResolverName } from '../../src/contract';
import { formatHours } from '../../src/quantities';
import { DEMO_USERS } from '../../src/jira-simulator/demo/people';
import { demoPlans } from '../../src/jira-simulator/demo/plans';
import { DEMO_HELP_PROJECT, DEMO_ORGANIZATION_IDS, DEMO_PORTAL_CUSTOMERS, DEMO_SERVICE_DESK } from '../../src/jira-simulator/demo/service-desk';
import { ORGANIZATIONS_FIELD_ID } from '../../src/jira-simulator/model';
import { previewWriteHeaders } from '../support/preview-token';
import { axeViolations } from './support/axe';
import { frameSelector, MODULE_KEYS, surfaceFrame, surfaceFrameHandle, waitForText } from './support/frames';
import { invokeIn, previewJira } from './support/invoke';
import { photograph } from './support/photograph';
import { usePreviewInChromium } from './support/preview-in-chromium';
import { PREVIEW_NOW } from './support/preview-process';

jest.setTimeout(180_000);

const ACME_PLAN = 'Acme Corp — help desk, 10 h/month';
const GLOBEX_PLAN = 'Globex — help desk, 8 h/month';
const NOTHING_SHARED = 'No support plan is shared with you';
/** HELP-1 is shared with Acme (the demo's first request). */
const ACME_REQUEST = 'HELP-1';
const HELP_SETTINGS = { moduleKey: 'support-hours-project-settings', extension: { type: 'jira:projectSettingsPage', project: { id: DEMO_HELP_PROJECT.id, key: DEMO_HELP_PROJECT.key, type: 'service_desk' } } };

const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1000 } });

const role = (accountId: string) => accountId.replace(/^demo-/, '');
const footer = () => surfaceFrame(preview.page, 'portalFooter');
const requestPanel = () => surfaceFrame(preview.page, 'portalRequest');

async function openHelpCenter(accountId: string | null): Promise<void> {
  await preview.open({ view: 'portal', user: accountId === null ? 'anonymous' : role(accountId) });
}

async function openRequest(accountId: string, request: string): Promise<void> {
  await preview.open({ view: 'portal', user: role(accountId), request });
}

/** What the Help Center's footer shows once loaded: the plans' names, or the empty state's heading. */
async function footerShows(): Promise<string[]> {
  const frame = footer();
  await frame.getByRole('heading', { name: /Your support hours|No support plan is shared with you/ }).first().waitFor({ timeout: 30_000 });
  return frame.locator('h2, h3').allTextContents();
}

async function adminCall<Name extends ResolverName>(name: Name, payload: Parameters<typeof invokeIn<Name>>[2]) {
  const answer = await invokeIn(preview.url, name, payload, { accountId: DEMO_USERS.admin.accountId, ...HELP_SETTINGS });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

async function shareGlobexPlan(customerAccess: CustomerAccess): Promise<void> {
  const { plan } = await adminCall('plans/get', { planId: 'globex-help' });
  await adminCall('plans/setCustomerAccess', { planId: 'globex-help', expectedVersion: plan.version, customerAccess });
}

const REQUEST_PANEL = { moduleKey: MODULE_KEYS.portalRequest, extension: { type: 'jiraServiceManagement:portalRequestDetailPanel', portal: { id: Number(DEMO_SERVICE_DESK.id) } } };

/** The first of Acme's requests (HELP-1 to HELP-4) with work this period, and its hours as the panel writes them. */
async function acmeRequestWorkedOnThisPeriod(): Promise<{ readonly key: string; readonly hours: string }> {
  for (const key of ['HELP-1', 'HELP-2', 'HELP-3', 'HELP-4']) {
    const answer = await invokeIn(preview.url, 'portal/request', {}, { accountId: DEMO_PORTAL_CUSTOMERS.acme.accountId, ...REQUEST_PANEL, extension: { ...REQUEST_PANEL.extension, request: { key } } });
    const seconds = answer.ok ? (answer.data.balance?.requestSeconds ?? 0) : 0;
    if (seconds > 0) return { key, hours: formatHours(seconds, 'en-US') };
  }
  throw new Error('No request of Acme has work this period in the demo');
}

/** Jira Service Management's REST API on the preview's simulator, as the demo admin. */
async function serviceDeskApi(method: 'POST', resource: string, body: unknown): Promise<void> {
  const response = await fetch(`${preview.url}/rest/servicedeskapi/${resource}`, {
    method,
    headers: { ...(await previewWriteHeaders(preview.url)), authorization: `Basic ${Buffer.from(`${DEMO_USERS.admin.email}:${DEMO_USERS.admin.apiToken}`).toString('base64')}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${resource}: ${response.status} ${await response.text()}`);
}

/** Waits until the app has handled the events of the last change. */
async function settle(): Promise<void> {
  await fetch(`${preview.url}/__preview/settle`, { method: 'POST', headers: await previewWriteHeaders(preview.url) });
}

/** Each plan's used hours this period as the Help Center's footer shows them to `accountId`. */
async function usedAsShown(accountId: string): Promise<Record<string, string>> {
  const answer = await invokeIn(preview.url, 'portal/plans', {}, { accountId, moduleKey: MODULE_KEYS.portalFooter, extension: { type: 'jiraServiceManagement:portalFooter', page: 'help_center' } });
  if (!answer.ok) throw new Error(answer.error.message);
  return Object.fromEntries(answer.data.plans.map((plan) => [plan.planName, formatHours(plan.usedCoveredSeconds, 'en-US')]));
}

function usedIn(planName: string) {
  return footer().getByRole('region', { name: planName }).locator('div', { has: preview.page.getByText('Used this period', { exact: true }) }).locator('dd');
}

describe('the customer portal', () => {
  it.each([
    { name: 'portal-help-center', surface: 'portalFooter', request: false },
    { name: 'portal-request', surface: 'portalRequest', request: true },
  ] as const)('has no serious or critical axe violations in $surface, light or dark, and is photographed', async ({ name, surface, request }) => {
    const worked = request ? await acmeRequestWorkedOnThisPeriod() : null;
    for (const theme of ['light', 'dark']) {
      const customer = worked === null ? DEMO_PORTAL_CUSTOMERS.both : DEMO_PORTAL_CUSTOMERS.acme;
      await preview.open({ view: 'portal', user: role(customer.accountId), theme, ...(worked === null ? {} : { request: worked.key }) });
      await surfaceFrame(preview.page, surface).getByText('Hours left').first().waitFor({ timeout: 30_000 });
      const severe = (await axeViolations(await surfaceFrameHandle(preview.page, surface))).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(severe).toEqual([]);
      await photograph(preview.page.locator('main'), `${name}-${theme}`);
    }
  });

  it('shows a customer of Acme Acme\'s plan with its money, and not Globex\'s', async () => {
    await openHelpCenter(DEMO_PORTAL_CUSTOMERS.acme.accountId);
    const shown = await footerShows();
    expect(shown).toEqual(['Your support hours', expect.stringContaining(ACME_PLAN)]);
    await footer().getByText('This period so far').waitFor({ timeout: 30_000 });
    expect(await footer().locator('body').textContent()).not.toContain('Globex');
  });

  it('shows a customer of both organisations both plans, money only where the admin shows it', async () => {
    await openHelpCenter(DEMO_PORTAL_CUSTOMERS.both.accountId);
    expect(await footerShows()).toEqual(['Your support hours', expect.stringContaining(ACME_PLAN), expect.stringContaining(GLOBEX_PLAN)]);
    const globex = footer().getByRole('region', { name: GLOBEX_PLAN });
    await globex.getByText('Hours left').waitFor({ timeout: 30_000 });
    expect(await globex.getByText('This period so far').count()).toBe(0);
  });

  it('shows on an Acme request its plan, the hours left, what the request used, the period\'s end and who worked on it', async () => {
    const request = await acmeRequestWorkedOnThisPeriod();
    await openRequest(DEMO_PORTAL_CUSTOMERS.acme.accountId, request.key);
    const panel = requestPanel();
    await panel.locator('p', { hasText: 'This request counts against' }).getByText(ACME_PLAN).waitFor({ timeout: 30_000 });
    for (const label of ['Hours left', 'Used this period', 'Period ends']) await panel.getByText(label, { exact: true }).waitFor();
    await waitForText(panel.getByTestId('request-hours'), request.hours);
    expect(await panel.getByTestId('worked-by').textContent()).toMatch(/^Worked on this period by .+\.$/);
  });

  it('shows a customer added to Globex later Globex\'s plan too', async () => {
    const acme = DEMO_PORTAL_CUSTOMERS.acme.accountId;
    await openHelpCenter(acme);
    expect(await footerShows()).toEqual(['Your support hours', expect.stringContaining(ACME_PLAN)]);
    await serviceDeskApi('POST', `organization/${DEMO_ORGANIZATION_IDS.globex}/user`, { accountIds: [acme] });
    await openHelpCenter(acme);
    expect(await footerShows()).toEqual(['Your support hours', expect.stringContaining(ACME_PLAN), expect.stringContaining(GLOBEX_PLAN)]);
  });

  it('moves a request\'s work to the other plan when an agent changes its organisation, and both balances follow', async () => {
    const both = DEMO_PORTAL_CUSTOMERS.both.accountId;
    const before = await usedAsShown(both);
    const created = await previewJira(preview.url, 'POST', 'issue', {
      fields: { project: { key: DEMO_HELP_PROJECT.key }, summary: 'Printer on fire', issuetype: { name: 'Task' }, [ORGANIZATIONS_FIELD_ID]: [Number(DEMO_ORGANIZATION_IDS.acme)] },
    });
    const key = (created as { key: string }).key;
    await previewJira(preview.url, 'POST', `issue/${key}/worklog`, { started: '2026-11-16T09:00:00.000+0000', timeSpentSeconds: 2 * 3600 });
    await settle();
    const withAcme = await usedAsShown(both);
    await openHelpCenter(both);
    await waitForText(usedIn(ACME_PLAN), withAcme[ACME_PLAN] ?? '');
    await waitForText(usedIn(GLOBEX_PLAN), before[GLOBEX_PLAN] ?? '');
    expect(withAcme).not.toEqual(before);

    await previewJira(preview.url, 'PUT', `issue/${key}`, { fields: { [ORGANIZATIONS_FIELD_ID]: [Number(DEMO_ORGANIZATION_IDS.globex)] } });
    await settle();
    const moved = await usedAsShown(both);
    expect(moved[ACME_PLAN]).toBe(before[ACME_PLAN]);
    expect(moved[GLOBEX_PLAN]).not.toBe(before[GLOBEX_PLAN]);
    await openHelpCenter(both);
    await waitForText(usedIn(ACME_PLAN), moved[ACME_PLAN] ?? '');
    await waitForText(usedIn(GLOBEX_PLAN), moved[GLOBEX_PLAN] ?? '');
  });

  it('shows nothing to an anonymous visitor, to a customer with nothing shared, and on a request the customer may not open', async () => {
    await openHelpCenter(null);
    await preview.page.getByRole('heading', { name: 'Help Center' }).waitFor();
    expect(await preview.page.locator('iframe').count()).toBe(0);

    await openHelpCenter(DEMO_PORTAL_CUSTOMERS.initech.accountId);
    expect(await footerShows()).toEqual([NOTHING_SHARED]);

    await openRequest(DEMO_PORTAL_CUSTOMERS.globex.accountId, ACME_REQUEST);
    await waitForText(preview.page.getByRole('alert'), "You can't view this request. It may not exist, or it was not shared with you.");
    expect(await preview.page.locator(frameSelector('portalRequest')).count()).toBe(0);
    // Asked anyway (a forged frame), the app answers as for a request that does not exist.
    const portal = REQUEST_PANEL;
    const forged = await invokeIn(preview.url, 'portal/request', {}, { accountId: DEMO_PORTAL_CUSTOMERS.globex.accountId, ...portal, extension: { ...portal.extension, request: { key: ACME_REQUEST } } });
    const missing = await invokeIn(preview.url, 'portal/request', {}, { accountId: DEMO_PORTAL_CUSTOMERS.globex.accountId, ...portal, extension: { ...portal.extension, request: { key: 'HELP-999' } } });
    expect(forged).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'This request does not exist or you are not allowed to see it.' } });
    expect(missing).toEqual(forged);
    const anonymous = await invokeIn(preview.url, 'portal/plans', {}, { moduleKey: MODULE_KEYS.portalFooter, extension: { type: 'jiraServiceManagement:portalFooter', page: 'help_center' } });
    expect(anonymous.ok ? 'answered' : anonymous.error.code).toBe('FORBIDDEN');
  });

  it('follows the admin at once: amounts turned on, then the plan hidden', async () => {
    const globex = DEMO_PORTAL_CUSTOMERS.globex.accountId;
    await shareGlobexPlan({ audience: 'organizations', accountIds: [], showAmounts: true, showAgentNames: false });
    await openHelpCenter(globex);
    expect(await footerShows()).toEqual(['Your support hours', expect.stringContaining(GLOBEX_PLAN)]);
    await footer().getByText('This period so far').waitFor({ timeout: 30_000 });

    await shareGlobexPlan({ audience: 'nobody', accountIds: [], showAmounts: true, showAgentNames: false });
    await openHelpCenter(globex);
    expect(await footerShows()).toEqual([NOTHING_SHARED]);
  });

  it('lets the admin share a plan with a named customer from the settings page, and that customer sees it', async () => {
    const plan = demoPlans(PREVIEW_NOW.slice(0, 10))[0];
    if (plan === undefined) throw new Error('the demo has no plans');
    await preview.open({ view: 'settings', user: 'admin' });
    const settings = surfaceFrame(preview.page, 'projectSettings');
    await settings.getByRole('button', { name: `Customer portal access of ${plan.name}` }).click();
    const form = settings.getByRole('form', { name: `Customer portal access of ${plan.name}` });
    await form.getByLabel('Shown to').selectOption('named-customers');
    await form.getByLabel('Customers (account ids)').fill(DEMO_PORTAL_CUSTOMERS.none.accountId);
    await form.getByRole('button', { name: 'Save portal access' }).click();
    await waitForText(settings.getByRole('status').filter({ hasText: 'in the portal' }), `Saved who sees ${plan.name} in the portal.`);

    await openHelpCenter(DEMO_PORTAL_CUSTOMERS.none.accountId);
    expect(await footerShows()).toEqual(['Your support hours', expect.stringContaining(plan.name)]);
    expect(await footer().getByText('This period so far').count()).toBe(0);
  });
});
