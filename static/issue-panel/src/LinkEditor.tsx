import { useState } from 'react';
import type { IssueView, LinkablePlans } from '@contract/index';
import type { BillingClass } from '@ledger/types';
import { Banner } from '../../shared/components/Banner';
import { BillingClassSelect } from '../../shared/components/BillingClassSelect';
import Button from '@atlaskit/button/new';
import { Field } from '../../shared/components/Field';
import { Form } from '../../shared/components/Form';
import { LoadableView } from '../../shared/components/LoadableView';
import { useResolver } from '../../shared/hooks/useResolver';
import { useWrite } from '../../shared/hooks/useWrite';

interface LinkEditorProps {
  readonly view: IssueView;
  /** A change is being sent. */
  readonly onSaving: () => void;
  readonly onSaved: (view: IssueView) => void;
  /** Closes the editor without a change; absent where the editor is all there is to show. */
  readonly onCancel?: () => void;
}

/**
 * Choose the plan and billing class this issue counts against, or take it off its plan. The
 * project's plans are asked for when the editor is shown: the panel's first answer leaves them out.
 */
export function LinkEditor({ view, onSaving, onSaved, onCancel }: LinkEditorProps) {
  const { state, reload } = useResolver('issue/plans', {});
  return (
    <LoadableView state={state} what="the project's plans" onRetry={reload}>
      {(choices) => <LinkForm view={view} choices={choices} onSaving={onSaving} onSaved={onSaved} onCancel={onCancel} />}
    </LoadableView>
  );
}

/**
 * The plans the picker offers: the project's active plans, and the issue's own plan when it is not one of them (archived),
 * so the picker shows the plan the issue is on rather than whichever comes first.
 */
function pickerPlans(view: IssueView, choices: LinkablePlans): readonly { readonly id: string; readonly name: string }[] {
  const current = view.balance;
  if (current === null || choices.plans.some((plan) => plan.id === current.planId)) return choices.plans;
  return [{ id: current.planId, name: `${current.planName} (archived)` }, ...choices.plans];
}

function LinkForm({ view, choices, onSaving, onSaved, onCancel }: LinkEditorProps & { readonly choices: LinkablePlans }) {
  const plans = pickerPlans(view, choices);
  // A link to a plan that no longer exists selects nothing: the editor picks the plan to move the issue to.
  const [planId, setPlanId] = useState(view.link === null ? (plans[0]?.id ?? '') : plans.some((plan) => plan.id === view.link?.planId) ? view.link.planId : '');
  const [billingClass, setBillingClass] = useState<BillingClass>(view.link?.billingClass ?? 'covered');
  const setLink = useWrite('issue/setLink');
  const clearLink = useWrite('issue/clearLink');
  const error = setLink.error ?? clearLink.error;
  const pending = setLink.pending || clearLink.pending;

  const save = async () => {
    onSaving();
    const outcome = await setLink.run({ planId, billingClass });
    if (outcome.ok) onSaved(outcome.data);
  };
  const clear = async () => {
    onSaving();
    const outcome = await clearLink.run({});
    if (outcome.ok) onSaved(outcome.data);
  };

  if (plans.length === 0) {
    return <p className="sh-subtle">This project has no active support plans yet. A project admin can create one in the project settings.</p>;
  }
  return (
    // Opened on request (Change plan), the form takes the keyboard; shown at once (no plan yet), it leaves it be.
    <Form label="Support plan of this issue" onSubmit={() => void save()} focusOnOpen={onCancel !== undefined} serverError={error}>
      <div className="sh-row">
        <Field label="Plan">
          <select value={planId} onChange={(event) => setPlanId(event.target.value)} disabled={pending}>
            {planId === '' ? (
              <option value="" disabled>
                Choose a plan
              </option>
            ) : null}
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Billing class">
          <BillingClassSelect value={billingClass} onChange={setBillingClass} disabled={pending} />
        </Field>
      </div>
      <div className="sh-row">
        <Button type="submit" appearance="primary" isDisabled={pending || planId === ''}>
          {view.link === null ? 'Add to plan' : 'Save plan'}
        </Button>
        {view.link === null ? null : (
          <Button onClick={() => void clear()} isDisabled={pending}>
            Remove from plan
          </Button>
        )}
        {onCancel === undefined ? null : (
          <Button onClick={onCancel} isDisabled={pending}>
            Cancel
          </Button>
        )}
      </div>
      {error === null ? null : <Banner appearance="error">{error.message}</Banner>}
    </Form>
  );
}
