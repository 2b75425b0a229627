import { view } from '@forge/bridge';
import { useState } from 'react';
import type { GadgetConfiguration, StoredPlan } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import { Button } from '../../shared/components/Button';
import { Field } from '../../shared/components/Field';
import { LoadableView } from '../../shared/components/LoadableView';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { useResolver } from '../../shared/hooks/useResolver';
import { savedConfiguration } from './saved-configuration';

export function GadgetEdit() {
  const { state, reload } = useResolver('plans/list', {});
  return (
    <LoadableView state={state} what="the support plans you can see" onRetry={reload}>
      {({ plans }) => <GadgetEditForm plans={plans} />}
    </LoadableView>
  );
}

function GadgetEditForm({ plans }: { plans: readonly StoredPlan[] }) {
  const { gadgetConfiguration } = useSurfaceContext();
  const [choice, setChoice] = useState<GadgetConfiguration>(() => savedConfiguration(gadgetConfiguration));
  const [failure, setFailure] = useState<string | null>(null);
  const projectKeys = [...new Set(plans.map((stored) => stored.projectKey))].sort();
  const projectPlans = plans.filter((stored) => stored.projectKey === choice.projectKey);

  if (plans.length === 0) return <p>There are no support plans you can see yet. A project admin can create one in project settings.</p>;

  const submit = async () => {
    try {
      await view.submit(choice);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form
      className="sh-stack"
      aria-label="Gadget settings"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label="Project">
        <select value={choice.projectKey} onChange={(event) => setChoice({ projectKey: event.target.value, planId: '' })}>
          <option value="">Choose a project</option>
          {projectKeys.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Plan">
        <select value={choice.planId} onChange={(event) => setChoice({ ...choice, planId: event.target.value })} disabled={choice.projectKey === ''}>
          <option value="">Choose a plan</option>
          {projectPlans.map((stored) => (
            <option key={stored.plan.id} value={stored.plan.id}>
              {stored.plan.name}
            </option>
          ))}
        </select>
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={choice.planId === ''}>
          Save
        </Button>
      </div>
      {failure === null ? null : <Banner appearance="error">{failure}</Banner>}
    </form>
  );
}
