import { ALERTS_QUEUE_KEY } from '../../src/app/alerts/alert-keys';
import { activeAlerts } from '../../src/app/alerts/active-alerts';
import { checkPlanAlerts } from '../../src/app/alerts/check-plan-alerts';
import { ADMIN } from '../jira-simulator/site';
import { GOLD_ISSUES, captureEvents, worklogEvents } from '../sync/sync-site';
import { ALERTING_GOLD, HOURS, alertStates, mailed, startAlertSite } from './alert-site';

const { first: issueA, second: issueB } = GOLD_ISSUES;
const AT_80 = 'Support plan "Gold support" reached 80 % of its hours for 2026-10';
const AT_100 = 'Support plan "Gold support" reached 100 % of its hours for 2026-10';

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
    expect((await checkPlanAlerts(site.deps, 'gold')).raised).toEqual([80]);
    await site.deleteWork(issueB.id, crossing);
    await site.simulator.idle();
    expect((await checkPlanAlerts(site.deps, 'gold')).withdrawn).toEqual([80]);
    await site.queue.drain();

    expect(await alertStates(site)).toEqual([[80, 'withdrawn', 'pending']]);
    expect(mailed(site)).toEqual([]);
  });

  it('retries a failed delivery through the queue and mails it once', async () => {
    const site = await startAlertSite();
    site.simulator.faults.serverErrors.push({ path: /\/notify$/, next: 1, status: 503 });
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();

    expect(site.simulator.stats.injectedServerErrors).toBe(1);
    const failures = site.queue.runs.filter((run) => run.queueKey === ALERTS_QUEUE_KEY && run.error !== undefined);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.error).toMatch(/^Jira notify \(POST \/rest\/api\/3\/issue\/\d+\/notify\) failed after 1 attempt: 503/);
    expect(await alertStates(site)).toEqual([[80, 'active', 'delivered']]);
    expect(mailed(site)).toEqual([AT_80]);
  });

  it('records an alert without an email when the plan names no recipients', async () => {
    const { alertRecipients: _none, ...plan } = ALERTING_GOLD;
    const site = await startAlertSite(plan);
    await site.logWork(issueA.id, HOURS(9));
    await site.settle();

    expect(await alertStates(site)).toEqual([[80, 'active', 'no-recipients']]);
    expect(mailed(site)).toEqual([]);
  });

  it('keeps a worklog event within one storage write and one Jira call: the check runs on the queue', async () => {
    const site = await startAlertSite();
    const events = captureEvents(site);
    await site.logWork(issueA.id, HOURS(9));
    await site.simulator.idle();
    site.jira.resetStats();
    site.store.resetUsage();

    await site.sync.handlers.onWorklogEvent(worklogEvents(events)[0]);

    expect(site.jira.stats().calls).toBe(1);
    expect(site.store.usage().writes).toBe(1);
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
  it('lists the period’s raised alerts until they are withdrawn', async () => {
    const site = await startAlertSite();
    await site.logWork(issueA.id, HOURS(5));
    const crossing = await site.logWork(issueB.id, HOURS(4));
    await site.settle();
    const raisedAt = site.clock.now();

    expect(await activeAlerts(site.store, 'gold', '2026-10')).toEqual([
      { percent: 80, periodLabel: '2026-10', issueKey: issueB.key, raisedAt, delivered: true },
    ]);
    await site.deleteWork(issueB.id, crossing);
    await site.settle();
    expect(await activeAlerts(site.store, 'gold', '2026-10')).toEqual([]);
  });
});
