import { useState } from 'react';
import type { ProjectSettings, StoredPlan } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import { Field } from '../../shared/components/Field';
import { Form } from '../../shared/components/Form';
import { LoadableView } from '../../shared/components/LoadableView';
import { useResolver } from '../../shared/hooks/useResolver';
import { useWrite } from '../../shared/hooks/useWrite';

/** The plan new issues of the project get; shown as text to people who may not change it. */
export function DefaultPlan({ plans, canAdminister }: { plans: readonly StoredPlan[]; canAdminister: boolean }) {
  const { state, reload, replace } = useResolver('settings/get', {});
  return (
    <section className="sh-stack sh-card" aria-label="Default plan for new issues">
      <h2>Default plan for new issues</h2>
      <LoadableView state={state} what="the project's settings" onRetry={reload}>
        {(settings) =>
          canAdminister ? (
            <DefaultPlanForm key={settings.version} settings={settings} plans={plans} onSaved={replace} />
          ) : (
            <p data-testid="default-plan">New issues count against: {plans.find((stored) => stored.plan.id === settings.defaultPlanId)?.plan.name ?? 'no plan'}</p>
          )
        }
      </LoadableView>
    </section>
  );
}

function DefaultPlanForm({ settings, plans, onSaved }: { settings: ProjectSettings; plans: readonly StoredPlan[]; onSaved: (settings: ProjectSettings) => void }) {
  const [planId, setPlanId] = useState(settings.defaultPlanId ?? '');
  const update = useWrite('settings/update');
  const save = async () => {
    const outcome = await update.run({ defaultPlanId: planId === '' ? null : planId, expectedVersion: settings.version });
    if (outcome.ok) onSaved(outcome.data);
  };
  return (
    <Form label="Default plan" className="sh-row" onSubmit={() => void save()}>
      <Field label="New issues count against">
        <select value={planId} onChange={(event) => setPlanId(event.target.value)}>
          <option value="">No plan</option>
          {plans
            .filter((stored) => stored.status === 'active')
            .map((stored) => (
              <option key={stored.plan.id} value={stored.plan.id}>
                {stored.plan.name}
              </option>
            ))}
        </select>
      </Field>
      <Button type="submit" isDisabled={update.pending}>
        Save default
      </Button>
      {update.error === null ? null : <Banner appearance="error">{update.error.message}</Banner>}
    </Form>
  );
}
