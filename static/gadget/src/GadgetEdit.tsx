import EmptyState from '@atlaskit/empty-state';
import { LoadableView } from '../../shared/components/LoadableView';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { useResolver } from '../../shared/hooks/useResolver';
import { GadgetPickers } from './GadgetPickers';
import { savedConfiguration } from './saved-configuration';

/**
 * The gadget's edit view: which project and plan it shows, saved with `view.submit`. A dashboard
 * has no project of its own, so `gadget/options` lists the projects the user may browse that
 * have active plans, and the view offers a project, then one of its plans.
 */
export function GadgetEdit() {
  const { gadgetConfiguration } = useSurfaceContext();
  const { state, reload } = useResolver('gadget/options', {});
  return (
    <LoadableView state={state} what="the projects and plans you can choose" onRetry={reload}>
      {(options) =>
        options.projects.length === 0 ? (
          <EmptyState
            header="No plan to show"
            headingLevel={2}
            headingSize="xsmall"
            description="There is no support plan you can show here: none of the projects you may browse has an active plan."
          />
        ) : (
          <GadgetPickers projects={options.projects} saved={savedConfiguration(gadgetConfiguration)} truncated={options.truncated} />
        )
      }
    </LoadableView>
  );
}
