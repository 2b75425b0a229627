/**
 * Whether a service desk customer may see a plan in the portal: the plan's customer access says to whom it is shown,
 * and Jira (never the caller) says which organisations the customer belongs to.
 */
import type { CustomerAccess } from '../../contract';

/** The customer as Jira knows them: the account the Forge context names, and the organisations Jira lists for it. */
export interface Customer {
  readonly accountId: string;
  readonly organizationIds: ReadonlySet<string>;
}

/** Whether deciding needs the customer's organisations: only a plan shown to its organisations' members asks Jira. */
export function asksOrganisations(access: CustomerAccess): boolean {
  return access.audience === 'organizations';
}

/**
 * @param planOrganizationIds the JSM organisations the plan names
 * @example
 * planVisibleTo({ audience: 'organizations', ... }, ['1'], { accountId: 'c', organizationIds: new Set(['1']) }) // true
 */
export function planVisibleTo(access: CustomerAccess, planOrganizationIds: readonly string[], customer: Customer): boolean {
  switch (access.audience) {
    case 'nobody':
      return false;
    case 'organizations':
      return planOrganizationIds.some((organizationId) => customer.organizationIds.has(organizationId));
    case 'named-customers':
      return access.accountIds.includes(customer.accountId);
  }
}
