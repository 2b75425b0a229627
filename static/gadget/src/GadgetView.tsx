import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import { LoadableView } from '../../shared/components/LoadableView';
import { PlanBalance } from '../../shared/components/PlanBalance';
import { useResolver } from '../../shared/hooks/useResolver';

export function GadgetView() {
  const { state, reload } = useResolver('usage/gadget', {});
  if (state.status === 'error' && state.error.code === 'PLAN_NOT_FOUND') {
    return <Banner appearance="warning">The plan this gadget showed was deleted. Edit the gadget to pick another plan.</Banner>;
  }
  return (
    <LoadableView state={state} what="the plan balance" onRetry={reload}>
      {(gadget) =>
        gadget.configured ? (
          <div className="sh-stack">
            <PlanBalance card={gadget.card} headingLevel={2} />
            <div>
              <Button onClick={reload}>Refresh</Button>
            </div>
          </div>
        ) : (
          <p>This gadget is not set up yet. Edit it to choose a project and a support plan.</p>
        )
      }
    </LoadableView>
  );
}
