import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { GadgetEdit } from './GadgetEdit';
import { GadgetView } from './GadgetView';

/** One resource serves both entry points of the gadget; Jira says which one this frame is. */
export function Gadget() {
  const { isEditEntryPoint } = useSurfaceContext();
  return isEditEntryPoint ? <GadgetEdit /> : <GadgetView />;
}
