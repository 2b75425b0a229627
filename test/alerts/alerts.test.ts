import { ALERTS_QUEUE_KEY, alertKey } from '../../src/app/alerts/alert-keys';
import { keepHeadAlerts, storedAlerts } from '../../src/app/alerts/active-alerts';
import { ALERT_OUTBOX_PREFIX, REDRIVE_AFTER_MS } from '../../src/app/alerts/alert-outbox';
import { checkPlanAlerts } from '../../src/app/alerts/check-plan-alerts';
import { figuresHeadKey } from '../../src/app/figures/figures-keys';
import { figuresHeadOf } from '../../src/app/figures/figures-records';
import { refreshNow } from '../figures/refresh-now';
import { FIRST_RETRY_DELAY_SECONDS, MAX_RETRIES, RETRY_HORIZON_SECONDS } from '../../src/app/jobs/failure-policy';
import { loadProblems } from '../../src/app/jobs/problems';
import type { JsonValue } from '../../src/app/ports/store';
import type { SimUser } from '../../src/jira-simulator/model';
import { ADMIN, SUP } from '../jira-simulator/site';
import type { SyncSite } from '../sync/sync-site';
import type { AlertRecord } from '../../src/app/alerts/alert-record';
import { GOLD_ISSUES, captureEvents, worklogEvents } from '../sync/sync-site';
import { ALERTING_GOLD, HOURS, alertStates, mailed, startAlertSite } from './alert-site';

const { first: issueA, second: issueB } = GOLD_ISSUES;
const AT_80 = 'Support plan "Gold support" reached 80 % of its hours for 2026-10';
const AT_100 = 'Support plan "Gold support" reached 100 % of its hours for 2026-10';

/** An account Jira still knows, deactivated. */
const LEAVER: SimUser = { ...ADMIN, accountId: 'acc-leaver', email: 'leaver@example.com', apiToken: 'leaver-token', displayName: 'Lee Ver', active: false };

function addUser(site: SyncSite, user: SimUser): void {
  const state = site.simulator.snapshot();
  site.simulator.load({ ...state, users: [...state.users, user] });
}

/** Raises gold's 80 % alert from freshly refreshed figures without delivering it, and reads the record back. */
async function startedAlert(site: SyncSite): Promise<AlertRecord> {
  const quiet = jest.spyOn(site.queue, 'push').mockResolvedValue('not queued');
  await refreshNow(site.deps, 'gold');
  expect((await checkPlanAlerts(site.deps, 'gold')).raised).toEqual([80]);
  quiet.mockRestore();
  const [record] = (await storedAlerts(site.store, 'gold', '2026-10')).values();
  if (record === undefined) throw new Error('no alert raised');
  return record;
}

const isRetry = (body: JsonValue): boolean => typeof body === 'object' && body !== null && 'retry' in body;
const isDelivery = (body: JsonValue): boolean => typeof body === 'object' && body !== null && 'kind' in body && body.kind === 'deliver';

describe('threshold alerts', () => {
  it('raises each crossed threshold once and mails the plan’s recipients through Jira on the crossing issue', async () => {
    const site = await startAlertSite();
    await site.logWork(issueA.id, HOURS(5));
    await site.settle();
    expect(await alertStates(site)).toEqual([]);

    await site.logWork(issueB.id, HOURS(4));
    await site.settle();
    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);

    await site.logWork(issueA.id, HOURS(2));
    await site.settle();
    expect(await alertStates(site)).toEqual([
      [80, 'active', 'delivered'],
      [100, 'active', 'delivered'],
    ]);
    const [first, second] = site.simulator.stats.notifications;
    expect(mailed(site)).toEqual([AT_80, AT_100]);
    expect(first).toMatchObject({ issueId: issueB.id, issueKey: issueB.key, accountIds: [ADMIN.accountId], groups: ['support-managers'] });
    expect(first?.textBody).toBe(`${AT_80}: 9 h of 10 h covered hours used. The threshold was crossed by work logged on ${issueB.key}.`);
    expect(second).toMatchObject({ issueId: issueA.id, issueKey: issueA.key });
  });

  it('gives duplicated and reordered events each alert once', async () => {
    const site = await startAlertSite();
    site.simulator.faults.events.duplicate = { probability: 1 };
    site.simulator.faults.events.reorder = true;
    await site.logWork(issueA.id, HOURS(5));
    await site.logWork(issueB.id, HOURS(4));
    await site.logWork(issueB.id, HOURS(3));
    await site.settle();

    expect(site.simulator.stats.events.duplicated).toBe(3);
    expect(await alertStates(site)).toEqual([
      [80, 'active', 'delivered'],
      [100, 'active', 'delivered'],
    ]);
    expect(mailed(site)).toEqual([AT_80, AT_100]);
  });

  it('gives each alert once when the same events are handed over again, in reverse, and checks run side by side', async () => {
    const site = await startAlertSite();
    const events = captureEvents(site);
    await site.logWork(issueA.id, HOURS(5));
    await site.logWork(issueB.id, HOURS(4));
    await site.logWork(issueB.id, HOURS(2));
    await site.simulator.idle();
    const delivered = worklogEvents(events);

    for (const event of [...delivered].reverse()) await site.sync.handlers.onWorklogEvent(event);
    await Promise.all([checkPlanAlerts(site.deps, 'gold'), checkPlanAlerts(site.deps, 'gold'), checkPlanAlerts(site.deps, 'gold')]);
    for (const event of delivered) await site.sync.handlers.onWorklogEvent(event);
    await site.queue.drain();

    expect(await alertStates(site)).toEqual([
      [80, 'active', 'delivered'],
      [100, 'active', 'delivered'],
    ]);
    expect(mailed(site)).toEqual([AT_80, AT_100]);
  });

  it('withdraws an alert whose crossing worklog is deleted, and never mails it again when it crosses again', async () => {
    const site = await startAlertSite();
    await site.logWork(issueA.id, HOURS(5));
    const crossing = await site.logWork(issueB.id, HOURS(4));
    await site.settle();
    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);

    await site.deleteWork(issueB.id, crossing);
    await site.settle();
    expect(await alertStates(site)).toEqual([[80, 'withdrawn', 'delivered']]);

    await site.logWork(issueA.id, HOURS(3));
    await site.settle();
    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);
    expect(mailed(site)).toEqual([AT_80]);
  });

  it('does not mail an alert withdrawn before its delivery ran', async () => {
    const site = await startAlertSite();
    await site.logWork(issueA.id, HOURS(5));
    const crossing = await site.logWork(issueB.id, HOURS(4));
    await site.simulator.idle();
    await refreshNow(site.deps, 'gold');
    expect((await checkPlanAlerts(site.deps, 'gold')).raised).toEqual([80]);
    await site.deleteWork(issueB.id, crossing);
    await site.simulator.idle();
    await refreshNow(site.deps, 'gold');
    expect((await checkPlanAlerts(site.deps, 'gold')).withdrawn).toEqual([80]);
    await site.queue.drain();

    expect(await alertStates(site)).toEqual([[80, 'withdrawn', 'pending']]);
    expect(mailed(site)).toEqual([]);
  });

  it('retries a failed delivery after a pause and mails it once', async () => {
    const site = await startAlertSite();
    const pushes = jest.spyOn(site.queue, 'push');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    site.simulator.faults.serverErrors.push({ path: /\/notify$/, next: 1, status: 503 });
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();

    expect(site.simulator.stats.injectedServerErrors).toBe(1);
    expect(site.queue.runs.filter((run) => run.error !== undefined)).toEqual([]);
    const retries = pushes.mock.calls.filter(([, body]) => isRetry(body));
    expect(retries.map(([queue, , options]) => [queue, options?.delayInSeconds])).toEqual([[ALERTS_QUEUE_KEY, FIRST_RETRY_DELAY_SECONDS]]);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([expect.stringMatching(/^Support Hours retries the alert job in 30 s \(retry 1 of 28\): Jira notify .* 503/)]);
    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);
    expect(mailed(site)).toEqual([AT_80]);
    warn.mockRestore();
  });

  it('mails an alert whose delivery could not be queued once the record was written: the sweep drives it', async () => {
    const site = await startAlertSite();
    const push = site.queue.push.bind(site.queue);
    let refused = 0;
    jest.spyOn(site.queue, 'push').mockImplementation(async (queue, body, options) => {
      if (refused === 0 && isDelivery(body)) {
        refused += 1;
        throw new Error('The queue is unavailable.');
      }
      return push(queue, body, options);
    });
    const quiet = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();
    expect(refused).toBe(1);
    expect(await alertStates(site)).toEqual([[80, 'active', 'pending']]);

    site.clock.advance(REDRIVE_AFTER_MS);
    await site.reconcile();
    await site.reconcile();

    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);
    expect(mailed(site)).toEqual([AT_80]);
    expect(await site.store.listByPrefix(ALERT_OUTBOX_PREFIX)).toEqual({ entries: [] });
    quiet.mockRestore();
  });

  it('mails an alert a release before the outbox left pending, once the check finds it without an entry', async () => {
    const site = await startAlertSite();
    await site.logWork(issueA.id, HOURS(9));
    await site.simulator.idle();
    const key = alertKey('gold', '2026-10', 80);
    // As the previous release stored it: no droppedRecipients or failure fields, and no outbox entry.
    const { droppedRecipients: _dropped, failure: _failure, ...legacy } = {
      ...(await startedAlert(site)),
      delivery: 'pending' as const,
      deliveredAt: null,
    };
    await site.store.set(key, legacy);
    await site.store.delete(`${ALERT_OUTBOX_PREFIX}${key}`);

    await site.reconcile();
    expect(mailed(site)).toEqual([]);
    site.clock.advance(REDRIVE_AFTER_MS);
    await site.reconcile();
    await site.reconcile();

    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);
    expect(mailed(site)).toEqual([AT_80]);
  });

  it('keeps retrying while Jira answers 503 four times in a row, and mails once', async () => {
    const site = await startAlertSite();
    const quiet = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    site.simulator.faults.serverErrors.push({ path: /\/notify$/, next: 4, status: 503 });
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();

    expect(site.simulator.stats.injectedServerErrors).toBe(4);
    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);
    expect(mailed(site)).toEqual([AT_80]);
    quiet.mockRestore();
  });

  it('fails the alert with Jira’s reason once the retries run out, and lists it for the project’s admins', async () => {
    const site = await startAlertSite();
    const pushes = jest.spyOn(site.queue, 'push');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    site.simulator.faults.serverErrors.push({ path: /\/notify$/, probability: 1, status: 503 });
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();

    const delays = pushes.mock.calls.filter(([, body]) => isRetry(body)).map(([, , options]) => options?.delayInSeconds ?? 0);
    expect(delays).toHaveLength(MAX_RETRIES);
    expect(delays.slice(0, 6)).toEqual([30, 60, 120, 240, 480, 900]);
    expect(delays.reduce((sum, delay) => sum + delay, 0)).toBe(RETRY_HORIZON_SECONDS);
    expect(await alertStates(site)).toEqual([[80, 'active', 'failed']]);
    const [record] = (await storedAlerts(site.store, 'gold', '2026-10')).values();
    expect(record?.failure).toMatch(/^Jira notify \(POST \/rest\/api\/3\/issue\/\d+\/notify\) failed after 1 attempt: 503 .* \(after 29 attempts\)$/);
    expect(await loadProblems(site.store, SUP.id)).toEqual({
      alerts: [{ planId: 'gold', planName: 'Gold support', periodLabel: '2026-10', percent: 80, outcome: 'failed', reason: record?.failure, droppedRecipients: [], at: site.clock.now() }],
      jobs: [],
      dropped: 0,
    });
    expect(error).toHaveBeenCalledTimes(1);

    site.clock.advance(REDRIVE_AFTER_MS);
    site.simulator.faults.serverErrors.length = 0;
    await site.reconcile();
    expect(mailed(site)).toEqual([]);
    warn.mockRestore();
    error.mockRestore();
  });

  it('drops an unknown and a deactivated recipient, reports them, and still mails the others', async () => {
    const site = await startAlertSite({ ...ALERTING_GOLD, alertRecipients: { accountIds: ['stale-account', ADMIN.accountId, LEAVER.accountId], groups: ['support-managers'] } });
    addUser(site, LEAVER);
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();

    const dropped = [
      { accountId: 'stale-account', reason: 'unknown' },
      { accountId: LEAVER.accountId, reason: 'inactive' },
    ];
    expect(mailed(site)).toEqual([AT_80]);
    expect(site.simulator.stats.notifications[0]).toMatchObject({ accountIds: [ADMIN.accountId], groups: ['support-managers'] });
    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);
    expect([...(await storedAlerts(site.store, 'gold', '2026-10')).values()][0]?.droppedRecipients).toEqual(dropped);
    expect((await loadProblems(site.store, SUP.id)).alerts).toEqual([
      { planId: 'gold', planName: 'Gold support', periodLabel: '2026-10', percent: 80, outcome: 'partly-delivered', reason: null, droppedRecipients: dropped, at: site.clock.now() },
    ]);
  });

  it('fails an alert none of whose recipients is an active account, saying so', async () => {
    const site = await startAlertSite({ ...ALERTING_GOLD, alertRecipients: { accountIds: ['stale-account'], groups: [] } });
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();

    expect(mailed(site)).toEqual([]);
    expect(await alertStates(site)).toEqual([[80, 'active', 'failed']]);
    expect((await loadProblems(site.store, SUP.id)).alerts.map((problem) => [problem.outcome, problem.reason, problem.droppedRecipients])).toEqual([
      ['failed', 'None of the plan’s alert recipients is an active Jira account.', [{ accountId: 'stale-account', reason: 'unknown' }]],
    ]);
  });

  it('records an alert without an email when the plan names no recipients', async () => {
    const { alertRecipients: _none, ...plan } = ALERTING_GOLD;
    const site = await startAlertSite(plan);
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();

    expect(await alertStates(site)).toEqual([[80, 'active', 'no-recipients']]);
    expect(mailed(site)).toEqual([]);
  });

  it('keeps a worklog event within two storage writes (its part, a refresh request) and one Jira call: the check runs on the queue after the refresh', async () => {
    const site = await startAlertSite();
    const events = captureEvents(site);
    await site.logWork(issueA.id, HOURS(9));
    await site.simulator.idle();
    site.jira.resetStats();
    site.storage.resetUsage();

    await site.sync.handlers.onWorklogEvent(worklogEvents(events)[0]);

    expect(site.jira.stats().calls).toBe(1);
    expect(site.storage.usage().writes).toBe(2);
    await site.queue.drain();
    expect(mailed(site)).toEqual([AT_80]);
  });

  it('checks the plan after a recompute and after a reconciliation that found lost work', async () => {
    const site = await startAlertSite();
    site.simulator.faults.events.drop = { probability: 1 };
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();
    expect(await alertStates(site)).toEqual([]);

    await site.reconcile();
    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);

    await site.logWork(issueB.id, HOURS(2));
    await site.recompute('gold');
    expect(await alertStates(site)).toEqual([
      [80, 'active', 'delivered'],
      [100, 'active', 'delivered'],
    ]);
    expect(mailed(site)).toEqual([AT_80, AT_100]);
  });
});

describe('active alerts on the cards', () => {
  const headAlerts = async (site: SyncSite) => figuresHeadOf(await site.store.get(figuresHeadKey('gold'))).alerts;

  it('are kept in the figures head, from the check that raises them and the delivery that mails them until the check that withdraws them', async () => {
    const site = await startAlertSite();
    await site.logWork(issueA.id, HOURS(5));
    const crossing = await site.logWork(issueB.id, HOURS(4));
    await site.settle();
    const raisedAt = site.clock.now();

    expect(await headAlerts(site)).toEqual({
      periodLabel: '2026-10',
      active: [{ percent: 80, periodLabel: '2026-10', issueKey: issueB.key, raisedAt, delivered: true, emailFailure: null }],
    });
    await site.deleteWork(issueB.id, crossing);
    await site.settle();
    expect(await headAlerts(site)).toEqual({ periodLabel: '2026-10', active: [] });
    expect([...(await storedAlerts(site.store, 'gold', '2026-10')).values()].map((alert) => alert.state)).toEqual(['withdrawn']);
  });

  it('are not written into a head that is gone, as a delivery for a plan deleted meanwhile would', async () => {
    const site = await startAlertSite();
    await site.store.delete(figuresHeadKey('gold'));
    await keepHeadAlerts(site.store, 'gold', { periodLabel: '2026-10', active: [] });
    expect(await site.store.get(figuresHeadKey('gold'))).toBeUndefined();
  });
});
