import { hardStopOf, type HardStop, type StoredPlan } from '../../contract';
import type { UseCaseOutcome } from '../refusal';
import type { PlanVersionRef } from './archive-plan';
import { changePlanSetting } from './change-plan-setting';
import type { PlanWriteContext, PlanWritePorts } from './plan-write';

export interface SetHardStopRequest extends PlanVersionRef {
  readonly hardStop: HardStop;
}

/** Changes what happens when the plan's hours run out, as of now (a setting, decision 0060). */
export async function setHardStop(ports: PlanWritePorts, context: PlanWriteContext, request: SetHardStopRequest): Promise<UseCaseOutcome<StoredPlan>> {
  return changePlanSetting(ports, context, request, {
    before: (current) => ({ hardStop: hardStopOf(current) }),
    after: { hardStop: request.hardStop },
  });
}
