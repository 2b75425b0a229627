import fc from 'fast-check';
import { planIdSchema } from '../../../src/contract/plans';
import { useSimulatedJira } from './support/simulated-jira';

describe('plan ids in the property and in JQL', () => {
  let issueId = '';
  const jira = useSimulatedJira((site) => {
    issueId = site.issue({ planId: 'placeholder', worklogs: 1 });
    site.issue({ planId: 'other', worklogs: 1 });
  });

  it('finds exactly the issue linked under a plan id, and sends no query at all for text that is not one', async () => {
    const { adapter, transport } = jira().connect();
    const candidates = fc
      .oneof(
        fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.constantFrom('x" OR supportPlan = "other', 'back\\slash\\', '"', 'a AND b', 'ümlaut — 計画', 'other) OR (project = OPS'),
      )
      .filter((planId) => planId !== 'other');
    await fc.assert(
      fc.asyncProperty(candidates, async (planId) => {
        const searchesBefore = transport.calls().length;
        if (!planIdSchema.safeParse(planId).success) {
          await expect(adapter.findPlanIssues({ planId })).rejects.toThrow('is not a plan id');
          expect(transport.calls().length).toBe(searchesBefore);
          return;
        }
        await adapter.setIssueLink(issueId, { planId, billingClass: 'covered' });
        const issues = await adapter.findPlanIssues({ planId });
        expect(issues.map((issue) => [issue.id, issue.link?.planId])).toEqual([[issueId, planId]]);
      }),
      { numRuns: 40, seed: 3 },
    );
  });
});
