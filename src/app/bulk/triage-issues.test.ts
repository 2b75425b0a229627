import type { FoundIssue } from '../ports/jira';
import type { BillingClass } from '../../ledger/types';
import { triageIssues } from './triage-issues';

function issue(number: number, link?: { planId: string; billingClass: BillingClass }): FoundIssue {
  const id = String(10_000 + number);
  const key = `SUP-${number}`;
  return { id, key, projectId: '10000', link: link === undefined ? null : { issueId: id, issueKey: key, ...link } };
}

const gold = { planId: 'gold', billingClass: 'covered' } as const;

describe('triageIssues', () => {
  it('links unlinked issues and issues of this plan in another billing class; skips the rest with why', () => {
    const inProject = [
      issue(1),
      issue(2, { planId: 'gold', billingClass: 'extra' }),
      issue(3, gold),
      issue(4, { planId: 'silver', billingClass: 'covered' }),
      issue(5, { planId: 'bronze', billingClass: 'extra' }),
      issue(6, { planId: 'silver', billingClass: 'extra' }),
      issue(7),
    ];
    const editable = new Set(inProject.filter((found) => found.key !== 'SUP-7').map((found) => found.id));
    expect(triageIssues({ inProject, otherProjects: 4 }, editable, gold)).toEqual({
      toLink: [
        { id: '10001', key: 'SUP-1' },
        { id: '10002', key: 'SUP-2' },
      ],
      skipped: [
        { reason: 'other-project', count: 4, issueKeys: [] },
        { reason: 'no-edit-permission', count: 1, issueKeys: ['SUP-7'] },
        { reason: 'already-on-plan', count: 1, issueKeys: ['SUP-3'] },
        { reason: 'on-other-plan', planId: 'bronze', count: 1, issueKeys: ['SUP-5'] },
        { reason: 'on-other-plan', planId: 'silver', count: 2, issueKeys: ['SUP-4', 'SUP-6'] },
      ],
    });
  });

  it('keeps ten issue keys per reason, however many are skipped', () => {
    const inProject = Array.from({ length: 25 }, (_, index) => issue(index + 1, gold));
    const { skipped } = triageIssues({ inProject, otherProjects: 0 }, new Set(inProject.map((found) => found.id)), gold);
    expect(skipped).toEqual([{ reason: 'already-on-plan', count: 25, issueKeys: inProject.slice(0, 10).map((found) => found.key) }]);
  });
});
