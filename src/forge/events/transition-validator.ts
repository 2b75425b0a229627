import { checkTransition, type TransitionCheckPorts } from '../../app/hard-stop/check-transition';
import { acknowledgeMalformed, transitionValidationSchema } from './forge-events';

/** A `jira:workflowValidator` function's answer, as Forge reads it: `errorMessage` is shown when `result` is false. */
export interface ValidatorAnswer {
  readonly result: boolean;
  readonly errorMessage?: string;
}

/**
 * The hard stop's validator function (`manifest.yml`: `jira:workflowValidator`), thin like the triggers: validate
 * what Jira hands over, call the one use case. A payload without an issue key cannot name a plan: it lets the
 * transition through, as an issue on no plan would.
 */
export function createTransitionValidator(portsFor: () => TransitionCheckPorts): (args: unknown) => Promise<ValidatorAnswer> {
  return async (args) => {
    const parsed = transitionValidationSchema.safeParse(args);
    if (!parsed.success) {
      acknowledgeMalformed('workflow validation', parsed.error.message);
      return { result: true };
    }
    const { result, errorMessage } = await checkTransition(portsFor(), parsed.data.issue.key);
    return errorMessage === undefined ? { result } : { result, errorMessage };
  };
}
