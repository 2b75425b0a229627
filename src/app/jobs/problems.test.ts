import { MemoryStore } from '../../adapters/storage/memory-store';
import { clearProblems, loadProblems, MAX_PROBLEMS, problemsKey, recordAlertProblem, recordParkedJob, type StoredAlertProblem, type StoredParkedJob } from './problems';

const PROJECT = '10000';

const alert = (percent: number, at: number): StoredAlertProblem => ({
  alertKey: `alert:p:2026-10:${percent}`,
  planId: 'gold',
  planName: 'Gold',
  periodLabel: '2026-10',
  percent,
  outcome: 'failed',
  reason: 'Jira said no.',
  droppedRecipients: [],
  at,
});

const job = (jobKey: string, parkedAt: number): StoredParkedJob => ({
  jobKey,
  kind: 'recompute',
  planId: 'gold',
  failure: 'transient',
  error: 'Jira search failed: 503',
  attempts: 29,
  firstFailedAt: parkedAt - 1000,
  parkedAt,
});

describe('the problems list', () => {
  it('lists one entry per alert and per job, the latest outcome replacing the earlier one', async () => {
    const store = new MemoryStore();
    await recordAlertProblem(store, PROJECT, alert(80, 1));
    await recordAlertProblem(store, PROJECT, { ...alert(80, 2), outcome: 'partly-delivered', reason: null });
    await recordParkedJob(store, PROJECT, job('a', 3));
    await recordParkedJob(store, PROJECT, job('a', 4));

    const { alertKey: _key, ...shown } = { ...alert(80, 2), outcome: 'partly-delivered' as const, reason: null };
    const { jobKey: _jobKey, ...shownJob } = job('a', 4);
    expect(await loadProblems(store, PROJECT)).toEqual({ alerts: [shown], jobs: [shownJob], dropped: 0 });
  });

  it(`keeps the ${MAX_PROBLEMS} newest of each kind and counts the rest`, async () => {
    const store = new MemoryStore();
    for (let n = 0; n < MAX_PROBLEMS + 3; n += 1) await recordParkedJob(store, PROJECT, job(`job-${n}`, n));
    const problems = await loadProblems(store, PROJECT);
    expect([problems.jobs.length, problems.jobs[0]?.parkedAt, problems.dropped]).toEqual([MAX_PROBLEMS, 3, 3]);
  });

  it('clears what the admin saw and keeps what was added since', async () => {
    const store = new MemoryStore();
    await recordAlertProblem(store, PROJECT, alert(80, 10));
    await recordParkedJob(store, PROJECT, job('a', 20));
    await recordAlertProblem(store, PROJECT, alert(100, 30));

    expect((await clearProblems(store, PROJECT, 20)).alerts.map((entry) => entry.percent)).toEqual([100]);
    expect((await loadProblems(store, PROJECT)).jobs).toEqual([]);
    expect(await clearProblems(store, PROJECT, 30)).toEqual({ alerts: [], jobs: [], dropped: 0 });
    expect(await store.get(problemsKey(PROJECT))).toBeUndefined();
  });
});
