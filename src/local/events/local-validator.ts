import type { TransitionCheckPorts } from '../../app/hard-stop/check-transition';
import { createTransitionValidator } from '../../forge/events/transition-validator';
import type { JiraSimulator } from '../../jira-simulator/simulator';

/** The transition admins add the hard stop to in the preview's workflow: "Start progress". */
export const HARD_STOP_TRANSITION_IDS: readonly string[] = ['21'];

/**
 * The hard stop's validator added to the simulator's transitions, as an admin adds it in Jira's workflow editor: the
 * very function `manifest.yml` names, called with Forge's payload, over the local Forge runtime (Jira as the app),
 * as the triggers are. Returns its removal.
 */
export function addLocalTransitionValidator(
  simulator: Pick<JiraSimulator, 'addWorkflowValidator'>,
  ports: TransitionCheckPorts,
  transitionIds: readonly string[] = HARD_STOP_TRANSITION_IDS,
): () => void {
  const validate = createTransitionValidator(() => ports);
  return simulator.addWorkflowValidator({ transitionIds, validate });
}
