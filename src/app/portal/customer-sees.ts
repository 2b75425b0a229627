import { customerAccessOf, organizationIdsOf, type StoredPlan } from '../../contract';
import { asksOrganisations, planVisibleTo } from './customer-visibility';
import type { CustomerOrganisations } from './portal-ports';

/**
 * The plans among `plans` that the customer may see, in their order. Jira is asked for the customer's organisations
 * once, and only when a plan is shown to its organisations' members.
 */
export async function plansCustomerSees(jira: CustomerOrganisations, accountId: string, plans: readonly StoredPlan[]): Promise<StoredPlan[]> {
  const shown = plans.filter((stored) => stored.status === 'active' && customerAccessOf(stored).audience !== 'nobody');
  const organizationIds = shown.some((stored) => asksOrganisations(customerAccessOf(stored))) ? new Set((await jira.organizationsOfCustomer(accountId)).map((organization) => organization.id)) : new Set<string>();
  const customer = { accountId, organizationIds };
  return shown.filter((stored) => planVisibleTo(customerAccessOf(stored), organizationIdsOf(stored), customer));
}
