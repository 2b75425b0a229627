import type { JiraClientOptions } from '../../adapters/jira';
import { checkTransition, type TransitionCheck, type TransitionCheckPorts } from '../../app/hard-stop/check-transition';
import { acknowledgeMalformed, transitionValidationSchema } from './forge-events';

/**
 * Jira as the validator asks it: at most two tries of 5 s each, at most 2 s apart, so that a slow or rate-limited
 * Jira gives up in about 12 s and the validator still answers (letting the transition through, decision 0061)
 * within Forge's 25 s, instead of being cut off and leaving the verdict to Jira.
 */
export const VALIDATOR_JIRA_CLIENT = { maxAttempts: 2, timeoutMs: 5_000, maxDelayMs: 2_000 } as const satisfies JiraClientOptions;

/** A `jira:workflowValidator` function's answer, as Forge reads it: `errorMessage` is shown when `result` is false. */
export type ValidatorAnswer = TransitionCheck;

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
    return checkTransition(portsFor(), parsed.data.issue.key);
  };
}
