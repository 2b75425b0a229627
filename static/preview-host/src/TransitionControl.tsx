import { useCallback, useEffect, useState } from 'react';
import type { DemoUser } from '@preview/protocol';
import { type DemoTransition, doTransition, listTransitions } from './jira-rest';

interface TransitionControlProps {
  readonly user: DemoUser;
  readonly issueKey: string;
  /** Called once the app has handled the transition's events. */
  readonly onChanged: () => Promise<void>;
}

/**
 * Jira's workflow buttons: the transitions the user may make, through the workflow validators added to them (the
 * app's hard stop guards "Start progress"). A refusal shows the validator's message, as Jira's transition dialog does.
 */
export function TransitionControl({ user, issueKey, onChanged }: TransitionControlProps) {
  const [transitions, setTransitions] = useState<DemoTransition[]>([]);
  const [outcome, setOutcome] = useState<{ readonly refused: boolean; readonly text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const refresh = useCallback(async () => setTransitions(await listTransitions(user, issueKey)), [user, issueKey]);
  useEffect(() => {
    listTransitions(user, issueKey).then(setTransitions, (error: unknown) => setOutcome({ refused: true, text: String(error) }));
  }, [user, issueKey]);

  const run = async (transition: DemoTransition) => {
    setOutcome(null);
    setPending(true);
    try {
      await doTransition(user, issueKey, transition.id);
      setOutcome({ refused: false, text: `${issueKey} is now ${transition.to.name}.` });
      await refresh();
      await onChanged();
    } catch (error) {
      setOutcome({ refused: true, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="host-transitions" aria-label="Workflow">
      <h2>Workflow</h2>
      {transitions.length === 0 ? <p>No transition you may make.</p> : null}
      <div className="host-row">
        {transitions.map((transition) => (
          <button key={transition.id} type="button" disabled={pending} onClick={() => void run(transition)}>
            {transition.name}
          </button>
        ))}
      </div>
      {outcome === null ? null : (
        <p role={outcome.refused ? 'alert' : 'status'} data-testid={outcome.refused ? 'transition-refused' : 'transition-done'}>
          {outcome.refused ? `Jira refused the transition: ${outcome.text}` : outcome.text}
        </p>
      )}
    </section>
  );
}
