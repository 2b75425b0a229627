import { figuresHeadKey } from '../../src/app/figures/figures-keys';
import { figuresHeadOf } from '../../src/app/figures/figures-records';
import { refreshPlanFigures, type FiguresDeps } from '../../src/app/figures/refresh-plan-figures';
import { toJsonValue } from '../../src/app/plans/to-json-value';

/** Refreshes the plan's figures now, outside the queue: its head takes the figures and keeps any request as it is. */
export function refreshNow(deps: FiguresDeps, internalId: string): Promise<boolean> {
  return refreshPlanFigures(deps, internalId, async (refreshed) => {
    await deps.store.update(figuresHeadKey(internalId), (current) => toJsonValue({ ...figuresHeadOf(current), refreshed }));
  });
}
