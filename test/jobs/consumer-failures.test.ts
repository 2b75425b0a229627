import { expect } from '@jest/globals';
import { ALERTS_QUEUE_KEY } from '../../src/app/alerts/alert-keys';
import { BULK_QUEUE_KEY } from '../../src/app/bulk/bulk-job';
import { MAX_RETRIES } from '../../src/app/jobs/failure-policy';
import type { JsonValue } from '../../src/app/ports/store';
import { internalIdOfKey } from '../../src/app/scope/plan-scope';
import { requestRecompute } from '../../src/app/sync/request-recompute';
import { SYNC_QUEUE_KEY } from '../../src/app/sync/sync-deps';
import type { Problems } from '../../src/contract';
import type { ServerErrorFault } from '../../src/jira-simulator/faults';
import { as, backendFixture, on, planInput, USERS, type BackendFixture } from '../backend/support/backend-fixture';

/**
 * The one failure policy, shown on each queue's consumer as the local runtime wires them: a
 * malformed body is acknowledged and logged; Jira failing for a while is retried after pauses;
 * a job that keeps failing ends up where the project's admins look (`settings/problems`).
 */

/** One threshold, so one alert and one delivery. */
const ALERTING = planInput({ thresholdsPercent: [100], alertRecipients: { accountIds: [USERS.admin.accountId], groups: [] } });

async function createPlan(fixture: BackendFixture): Promise<void> {
  const created = await fixture.invoker.invoke('plans/create', { plan: ALERTING }, as(USERS.admin), on.settings());
  if (!created.ok) throw new Error(created.error.message);
}

/** Links SUP-1..3 (10.5 h of October on a 10 h plan: both thresholds crossed) through the bulk queue. */
async function bulkLink(fixture: BackendFixture): Promise<string> {
  const jql = 'project = SUP';
  const counted = await fixture.invoker.invoke('bulk/preview', { jql }, as(USERS.admin), on.settings());
  if (!counted.ok) throw new Error(counted.error.message);
  const started = await fixture.invoker.invoke('bulk/link', { jql, planId: 'acme-gold', countToken: counted.data.countToken }, as(USERS.admin), on.settings());
  if (!started.ok) throw new Error(started.error.message);
  return started.data.jobId;
}

/** The plan created and built, then the fault armed, then the bulk link that sets the bulk and alert queues going. */
async function bulkLinkUnder(fixture: BackendFixture, fault: ServerErrorFault): Promise<void> {
  await createPlan(fixture);
  await fixture.queue.drain();
  fixture.simulator.faults.serverErrors.push(fault);
  await bulkLink(fixture);
}

async function problems(fixture: BackendFixture): Promise<Problems> {
  const answer = await fixture.invoker.invoke('settings/problems', {}, as(USERS.admin), on.settings());
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

interface ConsumerCase {
  readonly queue: string;
  readonly name: string;
  /** Where Jira fails for this queue's jobs. */
  readonly path: RegExp;
  /** Failed answers one failed run takes: the access layer retries a read a few times itself, never a write it can't repeat. */
  readonly answersPerFailure: number;
  /** What the admins see once the policy gives up: the parked job's kind, or `alert` for a failed alert. */
  readonly listedAs: string;
  /** Sets up a plan and queues the queue's work, faults armed. */
  readonly start: (fixture: BackendFixture, fault: ServerErrorFault) => Promise<void>;
  readonly malformed: JsonValue;
}

const CASES: readonly ConsumerCase[] = [
  {
    queue: SYNC_QUEUE_KEY,
    name: 'sync',
    path: /\/search\/jql$/,
    answersPerFailure: 4,
    listedAs: 'recompute',
    async start(fixture, fault) {
      await createPlan(fixture);
      await fixture.queue.drain();
      const internalId = await internalIdOfKey(fixture.store, 'acme-gold');
      if (internalId === undefined) throw new Error('acme-gold was not created');
      fixture.simulator.faults.serverErrors.push(fault);
      await requestRecompute(fixture.services, internalId);
    },
    malformed: { kind: 'recompute-chunk', planId: 'p', generation: 0 },
  },
  {
    queue: BULK_QUEUE_KEY,
    name: 'bulk-link',
    path: /\/properties\/support-plan$/,
    answersPerFailure: 1,
    listedAs: 'bulk-link',
    start: bulkLinkUnder,
    malformed: { kind: 'bulk-link-chunk', jobId: 'j' },
  },
  {
    queue: ALERTS_QUEUE_KEY,
    name: 'alert',
    path: /\/notify$/,
    answersPerFailure: 1,
    listedAs: 'alert',
    start: bulkLinkUnder,
    malformed: { kind: 'deliver' },
  },
];

const pushedRetries = (pushes: jest.SpiedFunction<BackendFixture['queue']['push']>, queue: string): (number | undefined)[] =>
  pushes.mock.calls.filter(([key, body]) => key === queue && typeof body === 'object' && body !== null && 'retry' in body).map(([, , options]) => options?.delayInSeconds);

describe.each(CASES)('the $queue consumer', ({ queue, name, path, answersPerFailure, listedAs, start, malformed }) => {
  let fixture: BackendFixture;
  let warn: jest.SpiedFunction<typeof console.warn>;
  let error: jest.SpiedFunction<typeof console.error>;
  beforeEach(() => {
    // The access layer's own short retries run without pausing; the policy's pauses are what is measured.
    fixture = backendFixture({ jiraClient: { sleep: async () => undefined } });
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    error.mockRestore();
  });

  it('acknowledges a malformed job, logs why, and writes nothing', async () => {
    await fixture.queue.push(queue, malformed);
    fixture.storage.resetUsage();
    await fixture.queue.drain();

    expect(fixture.queue.runs.filter((run) => run.error !== undefined)).toEqual([]);
    expect(fixture.storage.usage().writes).toBe(0);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([expect.stringMatching(new RegExp(`^Support Hours ignored a malformed ${name} job: ✖ `))]);
  });

  it('retries after doubling pauses while Jira answers 503, then finishes with nothing parked', async () => {
    const pushes = jest.spyOn(fixture.queue, 'push');
    await start(fixture, { path, next: 2 * answersPerFailure, status: 503 });
    await fixture.queue.drain();

    expect(fixture.simulator.stats.injectedServerErrors).toBe(2 * answersPerFailure);
    expect(pushedRetries(pushes, queue)).toEqual([30, 60]);
    expect(fixture.queue.runs.filter((run) => run.error !== undefined)).toEqual([]);
    expect(await problems(fixture)).toEqual({ alerts: [], jobs: [], dropped: 0 });
  });

  it('parks a job that keeps failing where the project’s admins look, with the error', async () => {
    const pushes = jest.spyOn(fixture.queue, 'push');
    await start(fixture, { path, probability: 1, status: 503 });
    await fixture.queue.drain();

    expect(pushedRetries(pushes, queue)).toHaveLength(MAX_RETRIES);
    const listed = await problems(fixture);
    const jiraFailed = expect.stringMatching(/^Jira .* failed after \d attempts?: 503/);
    expect([...listed.alerts.map((alert) => ['alert', alert.outcome, alert.reason]), ...listed.jobs.map((job) => [job.kind, job.failure, job.error, job.attempts])]).toEqual([
      listedAs === 'alert' ? ['alert', 'failed', jiraFailed] : [listedAs, 'transient', jiraFailed, MAX_RETRIES + 1],
    ]);
    expect(error.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringMatching(new RegExp(`^Support Hours parked the ${name} job after ${MAX_RETRIES + 1} attempts \\(transient\\)`)));
  });
});
