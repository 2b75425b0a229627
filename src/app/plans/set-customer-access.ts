import { customerAccessOf, type CustomerAccess, type StoredPlan } from '../../contract';
import type { UseCaseOutcome } from '../refusal';
import type { PlanVersionRef } from './archive-plan';
import { changePlanSetting } from './change-plan-setting';
import type { PlanWriteContext, PlanWritePorts } from './plan-write';

export interface SetCustomerAccessRequest extends PlanVersionRef {
  readonly customerAccess: CustomerAccess;
}

/** Changes who sees the plan in the customer portal, as of now (a setting, decision 0048). */
export async function setCustomerAccess(ports: PlanWritePorts, context: PlanWriteContext, request: SetCustomerAccessRequest): Promise<UseCaseOutcome<StoredPlan>> {
  return changePlanSetting(ports, context, request, {
    before: (current) => ({ customerAccess: customerAccessOf(current) }),
    after: { customerAccess: request.customerAccess },
  });
}
