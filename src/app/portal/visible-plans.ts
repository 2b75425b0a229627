import { customerAccessOf, type HandlerDataOf } from '../../contract';
import { listEveryProjectsPlans } from '../plans/plan-repository';
import { currentFigures } from '../usage/current-figures';
import { toCustomerBalance } from './customer-balance';
import { plansCustomerSees } from './customer-sees';
import type { PortalPorts } from './portal-ports';

/**
 * The Help Center's and portal pages' list: every active plan of the site shown to this customer, by name, with its
 * current period from the stored figures. The plans are read from the store (one listing); Jira is asked for the
 * customer's organisations at most once.
 */
export async function visiblePlans(ports: PortalPorts, accountId: string): Promise<HandlerDataOf<'portal/plans'>> {
  const visible = await plansCustomerSees(ports.appJira, accountId, await listEveryProjectsPlans(ports.store));
  const now = ports.clock.now();
  const plans = await Promise.all(
    visible.map(async (stored) => {
      const current = await currentFigures(ports, stored);
      return toCustomerBalance(stored, current.figures, now, current.refreshing, customerAccessOf(stored));
    }),
  );
  return { plans: plans.sort((a, b) => a.planName.localeCompare(b.planName)) };
}
