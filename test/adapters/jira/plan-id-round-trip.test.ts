import fc from 'fast-check';
import { useSimulatedJira } from './support/simulated-jira';

describe('any plan id survives the trip through the property and JQL', () => {
  let issueId = '';
  const jira = useSimulatedJira((site) => {
    issueId = site.issue({ planId: 'placeholder', worklogs: 1 });
    site.issue({ planId: 'other', worklogs: 1 });
  });

  it('finds exactly the issue linked under that id, quotes, backslashes and JQL words included', async () => {
    const { adapter } = jira().connect();
    const planIds = fc.oneof(
      fc.string({ minLength: 1, maxLength: 20 }),
      fc.constantFrom('x" OR supportPlan = "other', 'back\\slash\\', '"', 'a AND b', 'ümlaut — 計画'),
    );
    await fc.assert(
      fc.asyncProperty(planIds, async (planId) => {
        await adapter.setIssueLink(issueId, { planId, billingClass: 'covered' });
        const issues = await adapter.findPlanIssues({ planId });
        expect(issues.map((issue) => [issue.id, issue.link?.planId])).toEqual([[issueId, planId]]);
      }),
      { numRuns: 25, seed: 3 },
    );
  });
});
