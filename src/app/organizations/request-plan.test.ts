import { expect } from '@jest/globals';
import fc from 'fast-check';
import { requestPlan, type RequestPlanFacts } from './request-plan';

const plans = new Map([
  ['1', 'acme'],
  ['2', 'globex'],
  ['10', 'initech'],
]);

function facts(overrides: Partial<RequestPlanFacts>): RequestPlanFacts {
  return { current: null, organizationIds: [], planOfOrganization: plans, defaultPlanId: 'house', ...overrides };
}

describe('the plan a request counts against', () => {
  it('keeps a plan chosen by hand, whatever the organisations and the default say', () => {
    expect(requestPlan(facts({ current: { planId: 'other', linkedBy: 'hand' }, organizationIds: ['1'] }))).toEqual({ action: 'keep' });
  });

  it("takes the organisation's plan over the project's default plan", () => {
    expect(requestPlan(facts({ organizationIds: ['2'] }))).toEqual({ action: 'set', plan: { planId: 'globex', linkedBy: 'organization' } });
    expect(requestPlan(facts({ current: { planId: 'house', linkedBy: 'project-default' }, organizationIds: ['2'] }))).toEqual({
      action: 'set',
      plan: { planId: 'globex', linkedBy: 'organization' },
    });
  });

  it("takes the project's default plan when no organisation of the request has a plan, and none without a default", () => {
    expect(requestPlan(facts({ organizationIds: ['77'] }))).toEqual({ action: 'set', plan: { planId: 'house', linkedBy: 'project-default' } });
    expect(requestPlan(facts({ current: { planId: 'acme', linkedBy: 'organization' }, defaultPlanId: null }))).toEqual({ action: 'set', plan: null });
    expect(requestPlan(facts({ defaultPlanId: null }))).toEqual({ action: 'keep' });
  });

  it('compares organisation ids as numbers: 2 comes before 10', () => {
    expect(requestPlan(facts({ organizationIds: ['10', '2'] }))).toEqual({ action: 'set', plan: { planId: 'globex', linkedBy: 'organization' } });
  });

  it('writes nothing when the link is already what the precedence says', () => {
    expect(requestPlan(facts({ current: { planId: 'acme', linkedBy: 'organization' }, organizationIds: ['1'] }))).toEqual({ action: 'keep' });
    expect(requestPlan(facts({ current: { planId: 'house', linkedBy: 'project-default' } }))).toEqual({ action: 'keep' });
  });

  it('decides the same whatever order Jira lists the organisations in, and deciding again changes nothing', () => {
    const organizationIds = fc.uniqueArray(fc.constantFrom('1', '2', '10', '77', '100'), { maxLength: 5 });
    fc.assert(
      fc.property(organizationIds, fc.boolean(), (ids, withDefault) => {
        const base = facts({ organizationIds: ids, defaultPlanId: withDefault ? 'house' : null });
        const first = requestPlan(base);
        expect(requestPlan({ ...base, organizationIds: [...ids].reverse() })).toEqual(first);
        const settled = first.action === 'set' ? first.plan : null;
        expect(requestPlan({ ...base, current: settled })).toEqual({ action: 'keep' });
      }),
    );
  });
});
