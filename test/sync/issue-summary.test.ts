import { loadPlanLedgerInput } from '../../src/app/aggregates/load-plan-ledger-input';
import { requestRecompute } from '../../src/app/sync/request-recompute';
import { runSyncJob } from '../../src/app/sync/run-sync-job';
import { SYNC_QUEUE_KEY } from '../../src/app/sync/sync-deps';
import { syncJobSchema } from '../../src/app/sync/sync-jobs';
import { LocalQueue } from '../../src/local/events/local-queue';
import { buildIssue, buildWorklog } from '../jira-simulator/site';
import { linkedTo, startSyncSite, storedAs } from './sync-site';

describe('issue summaries in the aggregates', () => {
  it('reach the ledger input after a recompute, for statement exports', async () => {
    const issues = [1, 2].map((n) => buildIssue(n, { properties: linkedTo('gold') }));
    const site = await startSyncSite(issues, [buildWorklog(500, issues[0] ?? buildIssue(1))]);
    const queue = new LocalQueue({ mode: 'manual' });
    const deps = { ...site.deps, queue };
    queue.consume(SYNC_QUEUE_KEY, async (event) => {
      await runSyncJob(deps, syncJobSchema.parse(event.body), { readMs: 60_000, maxPages: 10 });
    });

    await requestRecompute(deps, storedAs('gold').internalId);
    await queue.drain();

    const summaries = Object.fromEntries(site.simulator.snapshot().issues.map((issue) => [issue.id, issue.summary]));
    const { links } = await loadPlanLedgerInput(site.store, storedAs('gold'));
    expect(links.map((link) => [link.issueId, link.issueSummary]).sort()).toEqual(issues.map((issue) => [issue.id, summaries[issue.id]]).sort());
    expect(links.every((link) => typeof link.issueSummary === 'string' && link.issueSummary.length > 0)).toBe(true);
  });
});
