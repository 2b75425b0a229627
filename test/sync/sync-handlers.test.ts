import { startGoldSite, GOLD_ISSUES, aggregatedLedgerInput } from './sync-site';

describe('sync handlers', () => {
  it('acknowledge malformed events and jobs without writing anything', async () => {
    const site = await startGoldSite();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    site.storage.resetUsage();

    await site.sync.handlers.onWorklogEvent({ eventType: 'avi:jira:created:worklog', worklog: { id: 7, issueId: GOLD_ISSUES.first.id } });
    await site.sync.handlers.onIssueCreated({ eventType: 'avi:jira:created:issue', issue: { id: '1' } });
    await site.sync.handlers.onIssueUpdated({ eventType: 'avi:jira:updated:issue', issue: { id: '1', key: 'SUP-1' }, changelog: { items: [{ fieldId: 'customfield_10002' }] } });
    await site.sync.handlers.onSyncJob({ jobId: 'j1' });

    expect(site.storage.usage().writes).toBe(0);
    expect(warn.mock.calls.map(([message]) => String(message).split(':')[0])).toEqual([
      'Support Hours ignored a malformed worklog event',
      'Support Hours ignored a malformed issue-created event',
      'Support Hours ignored a malformed issue-updated event',
      'Support Hours ignored a malformed queue event',
    ]);
    warn.mockRestore();
  });

  it('applies a deletion whose event carries only the ids', async () => {
    const site = await startGoldSite();
    const worklogId = await site.logWork(GOLD_ISSUES.first.id, 3600);
    await site.settle();

    await site.sync.handlers.onWorklogEvent({ eventType: 'avi:jira:deleted:worklog', worklog: { id: worklogId, issueId: GOLD_ISSUES.first.id } });

    expect((await aggregatedLedgerInput(site, 'gold')).worklogs).toEqual([]);
  });
});
