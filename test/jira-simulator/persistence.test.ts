import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JiraSimulator } from '../../src/jira-simulator/simulator';
import { AGENT, APP, buildIssue, buildState, call, ManualClock } from './site';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'jira-simulator-'));
});

afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('a simulator persisted to a data folder', () => {
  it('keeps what was written through the API across a restart', async () => {
    const clock = new ManualClock();
    const first = await JiraSimulator.open({ dataDir, clock });
    first.load(buildState([buildIssue(1)]));
    await call(first, AGENT, 'POST', '/rest/api/3/issue/SUP-1/worklog', { timeSpentSeconds: 900, started: '2026-10-01T09:00:00.000+0200' });
    await call(first, AGENT, 'PUT', '/rest/api/3/issue/SUP-1/properties/support-plan', { planId: 'acme', billingClass: 'covered' });
    await first.idle();

    const second = await JiraSimulator.open({ dataDir, clock });
    expect(second.snapshot()).toEqual(first.snapshot());
    const { body } = await call(second, APP, 'POST', '/rest/api/3/search/jql', { jql: 'supportPlan = acme', fields: ['worklog'] });
    expect(body).toMatchObject({ issues: [{ key: 'SUP-1', fields: { worklog: { total: 1, worklogs: [{ id: '50000', timeSpentSeconds: 900 }] } } }] });
    expect(await readdir(dataDir)).toEqual(['jira-simulator-state.json']);
  });

  it('refuses a state file that is not a simulator state', async () => {
    await writeFile(path.join(dataDir, 'jira-simulator-state.json'), JSON.stringify({ users: 'nobody' }));
    await expect(JiraSimulator.open({ dataDir })).rejects.toThrow('users');
  });
});
