import { generateDemo, type DemoData } from '../../src/jira-simulator/demo/generate';
import { demoState, loadDemo } from '../../src/jira-simulator/demo/load';
import { parseStarted } from '../../src/jira-simulator/jira-time';
import { JiraSimulator } from '../../src/jira-simulator/simulator';
import { searchPage } from './responses';

const today = '2026-11-26';
const small = generateDemo({ seed: 1, size: 'small', today });

function worklogsPerIssue(demo: DemoData): number[] {
  const counts = new Map<string, number>();
  for (const worklog of demo.worklogs) counts.set(worklog.issueId, (counts.get(worklog.issueId) ?? 0) + 1);
  return [...counts.values()];
}

describe('the demo data generator', () => {
  it('gives the same data for the same seed and different data for another', () => {
    expect(generateDemo({ seed: 1, size: 'small', today })).toEqual(small);
    expect(generateDemo({ seed: 2, size: 'small', today }).worklogs).not.toEqual(small.worklogs);
  });

  it('makes the small site: 1 project, 3 plans, 200 issues, 3,000 worklogs, 4 people', () => {
    expect(small.projects.map((project) => project.key)).toEqual(['SUP']);
    expect(small.plans.map((plan) => [plan.id, plan.kind, plan.startDate])).toEqual([
      ['acme-contract', 'buckets', '2026-05-01'],
      ['globex-payg', 'pay-as-you-go', '2026-05-01'],
      ['initech-mixed', 'buckets', '2026-05-01'],
    ]);
    expect([small.issues.length, small.worklogs.length]).toEqual([200, 3000]);
    expect(small.users.map((user) => user.displayName)).toEqual(['Ada Admin', 'Avery Agent', 'Ravi Agent', 'Morgan Manager']);
  });

  it('skews worklogs per issue: most have 3–15, a minority more than 20', () => {
    const counts = worklogsPerIssue(small);
    const usual = counts.filter((count) => count >= 3 && count <= 15).length;
    const many = counts.filter((count) => count > 20).length;
    expect(usual / counts.length).toBeGreaterThan(0.85);
    expect(many / counts.length).toBeGreaterThan(0.04);
    expect(many / counts.length).toBeLessThan(0.11);
  });

  it('has issues with more than 20 worklogs within one month', () => {
    const perIssueMonth = new Map<string, number>();
    for (const worklog of small.worklogs) {
      const key = `${worklog.issueId} ${worklog.started.slice(0, 7)}`;
      perIssueMonth.set(key, (perIssueMonth.get(key) ?? 0) + 1);
    }
    const busyIssues = new Set([...perIssueMonth].filter(([, count]) => count > 20).map(([key]) => key.split(' ')[0]));
    expect(busyIssues.size).toBeGreaterThanOrEqual(5);
  });

  it('links most issues to plans, with every billing class, and leaves some unlinked', () => {
    const classes = new Set(small.issues.map((issue) => JSON.stringify(issue.properties['support-plan'] ?? null).replace(/.*"billingClass":"([^"]+)".*/, '$1')));
    expect([...classes].sort()).toEqual(['covered', 'extra', 'non-billable', 'null']);
  });

  it('logs work in the six months before today, in several UTC offsets, never before the issue was created', () => {
    const created = new Map(small.issues.map((issue) => [issue.id, issue.created]));
    const started = small.worklogs.map((worklog) => parseStarted(worklog.started) ?? Number.NaN);
    expect(Math.min(...started)).toBeGreaterThanOrEqual(Date.parse('2026-05-28T00:00:00Z'));
    expect(Math.max(...started)).toBeLessThan(Date.parse(`${today}T00:00:00Z`));
    expect(small.worklogs.every((worklog, index) => (started[index] ?? 0) > (created.get(worklog.issueId) ?? Infinity))).toBe(true);
    expect(new Set(small.worklogs.map((worklog) => worklog.started.slice(-5)))).toEqual(new Set(['+0100', '+0200', '-0400', '-0500', '+0530']));
  });

  it('makes the large site: 5,000 issues and 100,000 worklogs of the same shape', () => {
    const large = generateDemo({ seed: 1, size: 'large', today });
    expect([large.issues.length, large.worklogs.length]).toEqual([5000, 100_000]);
    const many = worklogsPerIssue(large).filter((count) => count > 20).length;
    expect(many / large.issues.length).toBeLessThan(0.11);
  });

  it('loads straight into a simulator, where the app can search it', async () => {
    const simulator = new JiraSimulator({ clock: { now: () => Date.parse(`${today}T12:00:00Z`) } });
    loadDemo(simulator, small);
    expect(simulator.snapshot().nextWorklogId).toBe(demoState(small).nextWorklogId);
    const admin = small.users[0];
    const response = await simulator.fetch('http://jira.test/rest/api/3/search/jql', {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${admin?.email}:${admin?.apiToken}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'supportPlan = "acme-contract"', fields: ['key'], maxResults: 5000 }),
    });
    const linked = small.issues.filter((issue) => JSON.stringify(issue.properties).includes('acme-contract')).length;
    expect(searchPage.parse(await response.json()).issues).toHaveLength(linked);
  });
});

describe('the demo help desk (Jira Service Management)', () => {
  const { serviceDesk } = small;
  const membersOf = (accountId: string) => serviceDesk.organizations.filter((organization) => organization.memberAccountIds.includes(accountId));

  it('is the service project HELP with three organisations added to its service desk', () => {
    expect([serviceDesk.project.key, serviceDesk.serviceDesk.projectId]).toEqual(['HELP', serviceDesk.project.id]);
    expect(serviceDesk.organizations.map((organization) => organization.name)).toEqual(['Acme Corp', 'Globex', 'Initech']);
    expect(serviceDesk.organizations.every((organization) => organization.serviceDeskIds.includes(serviceDesk.serviceDesk.id))).toBe(true);
  });

  it('has customers (not agents) in each organisation, one in two of them and one in none', () => {
    expect(serviceDesk.customers.every((customer) => customer.accountType === 'customer' && Object.keys(customer.permissions).length === 0)).toBe(true);
    const organizationCounts = serviceDesk.customers.map((customer) => membersOf(customer.accountId).length).sort();
    expect(organizationCounts).toEqual([0, 1, 1, 1, 2]);
    for (const organization of serviceDesk.organizations) expect(organization.memberAccountIds.length).toBeGreaterThan(0);
  });

  it("shares each organisation's requests with it, raised by its members, with work logged by the agents", () => {
    for (const organization of serviceDesk.organizations) {
      const requests = serviceDesk.requests.filter((request) => request.organizationIds?.includes(organization.id));
      expect(requests.length).toBeGreaterThanOrEqual(3);
      for (const request of requests) {
        expect(organization.memberAccountIds).toContain(request.reporterAccountId);
        expect(serviceDesk.worklogs.filter((worklog) => worklog.issueId === request.id).length).toBeGreaterThan(1);
      }
    }
    const agents = new Set(small.users.map((user) => user.accountId));
    expect(serviceDesk.worklogs.every((worklog) => agents.has(worklog.authorAccountId))).toBe(true);
  });

  it('loads beside the first project, its ids after its issues and worklogs, its agents allowed in it', () => {
    const state = demoState(small);
    expect(new Set(state.issues.map((issue) => issue.id)).size).toBe(small.issues.length + serviceDesk.requests.length);
    expect(new Set(state.worklogs.map((worklog) => worklog.id)).size).toBe(small.worklogs.length + serviceDesk.worklogs.length);
    expect(small.users.every((user) => (user.permissions[serviceDesk.project.id] ?? []).includes('BROWSE_PROJECTS'))).toBe(true);
    expect([state.serviceDesks, state.organizations]).toEqual([[serviceDesk.serviceDesk], serviceDesk.organizations]);
  });
});
