import { jqlString, planIssuesJql } from '../../../src/adapters/jira/jql';

describe('planIssuesJql', () => {
  it('finds a plan by its search alias', () => {
    expect(planIssuesJql({ planId: 'acme-gold' })).toBe('supportPlan = "acme-gold"');
  });

  it('narrows to a project and widens the span by a day on each side', () => {
    const span = { startDate: '2026-10-01', endDateExclusive: '2026-11-01', start: 1790805600000, end: 1793487600000 };
    expect(planIssuesJql({ planId: 'acme-gold', projectId: '10000', span })).toBe(
      'supportPlan = "acme-gold" AND project = 10000 AND worklogDate >= "2026-09-30" AND worklogDate < "2026-11-02"',
    );
  });

  it('crosses month and leap-day boundaries', () => {
    const span = { startDate: '2028-03-01', endDateExclusive: '2028-03-01', start: 0, end: 0 };
    expect(planIssuesJql({ planId: 'p', span })).toBe(
      'supportPlan = "p" AND worklogDate >= "2028-02-29" AND worklogDate < "2028-03-02"',
    );
  });
});

describe('jqlString', () => {
  it('escapes quotes and backslashes so a plan id cannot change the query', () => {
    expect(jqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(planIssuesJql({ planId: 'x" OR project = "OTHER' })).toBe('supportPlan = "x\\" OR project = \\"OTHER"');
  });
});
