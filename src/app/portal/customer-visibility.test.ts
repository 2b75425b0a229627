import fc from 'fast-check';
import type { CustomerAccess } from '../../contract';
import { asksOrganisations, planVisibleTo } from './customer-visibility';

const access = (overrides: Partial<CustomerAccess>): CustomerAccess => ({ audience: 'nobody', accountIds: [], showAmounts: false, showAgentNames: false, ...overrides });
const customer = (accountId: string, organizationIds: readonly string[] = []) => ({ accountId, organizationIds: new Set(organizationIds) });

describe('who sees a plan in the portal', () => {
  it('shows a plan to nobody by default, whatever the customer belongs to or is named', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), fc.string(), (planOrganisations, customerOrganisations, accountId) => {
        expect(planVisibleTo(access({ audience: 'nobody' }), planOrganisations, customer(accountId, customerOrganisations))).toBe(false);
      }),
    );
  });

  it('shows a plan shown to organisations to a member of one of them, and to no one else', () => {
    const shown = access({ audience: 'organizations' });
    expect(planVisibleTo(shown, ['1', '2'], customer('ana', ['2']))).toBe(true);
    expect(planVisibleTo(shown, ['1', '2'], customer('ben', ['3']))).toBe(false);
    expect(planVisibleTo(shown, [], customer('ana', ['2']))).toBe(false);
  });

  it('shows a plan shown to named customers to them only, whatever organisations anyone belongs to', () => {
    const shown = access({ audience: 'named-customers', accountIds: ['ana'] });
    expect(planVisibleTo(shown, ['1'], customer('ana'))).toBe(true);
    expect(planVisibleTo(shown, ['1'], customer('ben', ['1']))).toBe(false);
  });

  it('asks Jira for organisations only for a plan shown to them', () => {
    expect([access({ audience: 'nobody' }), access({ audience: 'organizations' }), access({ audience: 'named-customers', accountIds: ['ana'] })].map(asksOrganisations)).toEqual([false, true, false]);
  });
});
