import { view } from '@forge/bridge';
import { useState } from 'react';
import { type GadgetConfiguration, gadgetConfigurationSchema } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import { Button } from '../../shared/components/Button';
import { Field } from '../../shared/components/Field';
import { Form } from '../../shared/components/Form';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { savedConfiguration } from './saved-configuration';

/**
 * The gadget's edit view: which project and plan it shows, saved with `view.submit`. A dashboard
 * has no project of its own, so both are typed (the view says when they name no plan).
 */
export function GadgetEdit() {
  const { gadgetConfiguration } = useSurfaceContext();
  const [choice, setChoice] = useState<GadgetConfiguration>(() => savedConfiguration(gadgetConfiguration));
  const [failure, setFailure] = useState<string | null>(null);
  const checked = gadgetConfigurationSchema.safeParse(choice);
  const errorAt = (field: keyof GadgetConfiguration) =>
    checked.success || choice[field] === '' ? undefined : checked.error.issues.find((issue) => issue.path[0] === field)?.message;

  const submit = async () => {
    if (!checked.success) return;
    try {
      await view.submit(checked.data);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Form label="Gadget settings" onSubmit={() => void submit()}>
      <Field label="Project key" error={errorAt('projectKey')} help="For example SUP.">
        <input value={choice.projectKey} onChange={(event) => setChoice({ ...choice, projectKey: event.target.value.trim().toUpperCase() })} />
      </Field>
      <Field label="Plan id" error={errorAt('planId')} help="As shown in the project's support plan settings, e.g. acme-gold.">
        <input value={choice.planId} onChange={(event) => setChoice({ ...choice, planId: event.target.value.trim() })} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={!checked.success}>
          Save
        </Button>
      </div>
      {failure === null ? null : <Banner appearance="error">{failure}</Banner>}
    </Form>
  );
}
