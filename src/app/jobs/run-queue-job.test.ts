import { expect } from '@jest/globals';
import * as z from 'zod';
import { fixedClock } from '../ports/clock';
import { JiraError, type JiraErrorKind } from '../ports/jira';
import type { PushOptions } from '../ports/queue';
import { StoreError, type JsonValue } from '../ports/store';
import { classifyFailure, MAX_RETRIES, MAX_RETRY_DELAY_SECONDS, RemainingWork, RETRY_HORIZON_SECONDS, retryDelaySeconds } from './failure-policy';
import { runQueueJob, type ParkedFailure, type QueueJobHandler } from './run-queue-job';

const NOW = Date.parse('2026-10-20T12:00:00Z');

function jiraError(kind: JiraErrorKind, retryAfterSeconds?: number): JiraError {
  return new JiraError({ kind, operation: 'notify', method: 'POST', path: '/x', errorMessages: [kind], errors: {}, attempts: 1, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
}

const jobSchema = z.object({ kind: z.literal('count'), items: z.array(z.string()) });
type Job = z.infer<typeof jobSchema>;

/** A handler whose run does what `behaviour` says, recording what the policy does with it. */
function harness(behaviour: (job: Job) => Promise<void>) {
  const pushed: { queue: string; body: JsonValue; options: PushOptions | undefined }[] = [];
  const parked: { job: Job; failure: ParkedFailure }[] = [];
  const log = { warn: jest.fn(), error: jest.fn() };
  const handler: QueueJobHandler<Job> = {
    queueKey: 'q',
    name: 'count',
    schema: jobSchema,
    run: behaviour,
    concurrencyKey: (job) => `lane-${job.items.length}`,
    park: async (job, failure) => void parked.push({ job, failure }),
  };
  const ports = {
    clock: fixedClock(NOW),
    log,
    queue: { push: async (queue: string, body: JsonValue, options?: PushOptions) => (pushed.push({ queue, body, options }), 'id') },
  };
  return { handler, ports, pushed, parked, log };
}

describe('the failure policy', () => {
  it('tells what passes from what does not', () => {
    expect(['rate-limited', 'server', 'timeout', 'network'].map((kind) => classifyFailure(jiraError(kind as JiraErrorKind)).kind)).toEqual(Array(4).fill('transient'));
    expect(['not-found', 'forbidden', 'unauthorized', 'bad-request'].map((kind) => classifyFailure(jiraError(kind as JiraErrorKind)).kind)).toEqual(Array(4).fill('permanent'));
    expect(['conflict', 'rate-limited', 'unavailable', 'value-too-large'].map((code) => classifyFailure(new StoreError(code as 'conflict', code)).kind)).toEqual(['transient', 'transient', 'transient', 'permanent']);
    expect(classifyFailure(new TypeError('x is undefined'))).toEqual({ kind: 'permanent', message: 'x is undefined' });
    expect(classifyFailure(jiraError('rate-limited', 120)).retryAfterSeconds).toBe(120);
    expect(classifyFailure(new Error('e'.repeat(1000))).message).toHaveLength(300);
  });

  it('backs off by doubling from 30 s to 15 min, never under Jira’s Retry-After, for about six hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((retry) => retryDelaySeconds(retry))).toEqual([30, 60, 120, 240, 480, 900, 900]);
    expect(retryDelaySeconds(1, 200)).toBe(200);
    expect(retryDelaySeconds(1, 5000)).toBe(MAX_RETRY_DELAY_SECONDS);
    expect(RETRY_HORIZON_SECONDS).toBe(930 + (MAX_RETRIES - 5) * 900);
    expect(RETRY_HORIZON_SECONDS / 3600).toBeCloseTo(6, 0);
  });

  it('acknowledges a body its job schema refuses, logging the reason, without running it', async () => {
    const run = jest.fn(async () => undefined);
    const { handler, ports, pushed, parked, log } = harness(run);
    expect(await runQueueJob(ports, handler, { kind: 'count', items: 'none' })).toMatchObject({ status: 'malformed', reason: expect.stringContaining('items') });
    expect([run.mock.calls.length, pushed.length, parked.length, log.warn.mock.calls.length]).toEqual([0, 0, 0, 1]);
  });

  it('pushes a transiently failing job again, in its lane, after the backoff, counting the retries in the body', async () => {
    const { handler, ports, pushed, parked } = harness(async () => {
      throw jiraError('server');
    });
    const body = { kind: 'count', items: ['a'] };
    expect(await runQueueJob(ports, handler, body)).toMatchObject({ status: 'retrying', retry: 1, delaySeconds: 30 });
    expect(await runQueueJob(ports, handler, { ...body, retry: { attempt: 3, firstFailedAt: NOW - 1000 } })).toMatchObject({ status: 'retrying', retry: 4, delaySeconds: 240 });
    expect(pushed).toEqual([
      { queue: 'q', body: { ...body, retry: { attempt: 1, firstFailedAt: NOW } }, options: { delayInSeconds: 30, concurrencyKey: 'lane-1' } },
      { queue: 'q', body: { ...body, retry: { attempt: 4, firstFailedAt: NOW - 1000 } }, options: { delayInSeconds: 240, concurrencyKey: 'lane-1' } },
    ]);
    expect(parked).toEqual([]);
  });

  it('parks a job once its retries ran out, and a permanently failing one at once, with the error', async () => {
    const transient = harness(async () => {
      throw jiraError('rate-limited');
    });
    const last = { kind: 'count', items: [], retry: { attempt: MAX_RETRIES, firstFailedAt: NOW - 5 } };
    expect(await runQueueJob(transient.ports, transient.handler, last)).toMatchObject({ status: 'parked', attempts: MAX_RETRIES + 1 });
    expect(transient.parked.map(({ job, failure }) => [job, failure.kind, failure.attempts, failure.firstFailedAt])).toEqual([[{ kind: 'count', items: [] }, 'transient', MAX_RETRIES + 1, NOW - 5]]);

    const bug = new TypeError('x is undefined');
    const permanent = harness(async () => {
      throw bug;
    });
    expect(await runQueueJob(permanent.ports, permanent.handler, { kind: 'count', items: ['a'] })).toEqual({ status: 'parked', attempts: 1, reason: 'x is undefined' });
    expect(permanent.parked[0]?.failure).toEqual({ kind: 'permanent', message: 'x is undefined', cause: bug, attempts: 1, firstFailedAt: NOW });
    expect([transient.pushed.length, permanent.pushed.length, permanent.log.error.mock.calls.length]).toEqual([0, 0, 1]);
  });

  it('retries only what is left when a job did part of its work', async () => {
    const { handler, ports, pushed } = harness(async (job) => {
      throw new RemainingWork({ ...job, items: job.items.slice(1) }, jiraError('rate-limited', 60));
    });
    expect(await runQueueJob(ports, handler, { kind: 'count', items: ['a', 'b', 'c'] })).toMatchObject({ status: 'retrying', delaySeconds: 60 });
    expect(pushed[0]).toEqual({ queue: 'q', body: { kind: 'count', items: ['b', 'c'], retry: { attempt: 1, firstFailedAt: NOW } }, options: { delayInSeconds: 60, concurrencyKey: 'lane-2' } });
  });
});
