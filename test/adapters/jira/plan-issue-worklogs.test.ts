import { useSimulatedJira } from './support/simulated-jira';

/** October 2026 in Europe/Berlin: summer time to the 25th, winter time after. */
const OCTOBER_BERLIN = {
  startDate: '2026-10-01',
  endDateExclusive: '2026-11-01',
  start: Date.parse('2026-09-30T22:00:00Z'),
  end: Date.parse('2026-10-31T23:00:00Z'),
};

function september(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `2026-09-${String(index + 1).padStart(2, '0')}T10:00:00.000+0000`);
}

describe('findPlanIssues with a span, and worklog paging', () => {
  const ids = { few: '', many: '' };
  const jira = useSimulatedJira((site) => {
    ids.few = site.issue({
      planId: 'gold',
      worklogs: [
        '2026-09-30T23:30:00.000+0200',
        '2026-10-01T00:30:00.000+0200',
        '2026-10-31T23:30:00.000+0100',
        '2026-11-01T00:00:00.000+0100',
      ],
    });
    ids.many = site.issue({
      planId: 'gold',
      worklogs: [...september(22), '2026-10-01T00:00:00.000+0200', '2026-10-15T10:00:00.000+0000', '2026-11-05T10:00:00.000+0000'],
    });
    site.issue({ planId: 'gold', worklogs: september(3) });
    site.issue({ planId: 'gold', worklogs: ['2026-09-30T21:00:00.000+0000'] });
    site.issue({ planId: 'platinum', worklogs: 5001 });
  });

  it('keeps exactly the worklogs started in the span, reading a long issue with startedAfter/startedBefore', async () => {
    const { adapter, transport } = jira().connect();
    const issues = await adapter.findPlanIssues({ planId: 'gold', span: OCTOBER_BERLIN });

    expect(issues.map((issue) => [issue.id, issue.worklogs.map((worklog) => worklog.started)])).toEqual([
      [ids.few, ['2026-10-01T00:30:00.000+0200', '2026-10-31T23:30:00.000+0100']],
      [ids.many, ['2026-10-01T00:00:00.000+0200', '2026-10-15T10:00:00.000+0000']],
    ]);
    expect(transport.sent.map(({ method, template, query }) => [method, template, query])).toEqual([
      ['POST', '/rest/api/3/search/jql', {}],
      [
        'GET',
        '/rest/api/3/issue/{issueIdOrKey}/worklog',
        { startAt: '0', startedAfter: String(OCTOBER_BERLIN.start - 1), startedBefore: String(OCTOBER_BERLIN.end) },
      ],
    ]);
    expect(transport.sent[0]?.body).toMatchObject({
      jql: 'supportPlan = "gold" AND worklogDate >= "2026-09-30" AND worklogDate < "2026-11-02"',
    });
  });

  it('pages an issue’s worklogs by startAt', async () => {
    const { adapter, transport } = jira().connect();
    const [huge] = await adapter.findPlanIssues({ planId: 'platinum' });

    expect(huge?.worklogs).toHaveLength(5001);
    expect(new Set(huge?.worklogs.map((worklog) => worklog.id)).size).toBe(5001);
    expect(transport.sent.slice(1).map(({ query }) => query)).toEqual([{ startAt: '0' }, { startAt: '5000' }]);
  });
});
