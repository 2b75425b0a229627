import { view } from '@forge/bridge';
import { useState } from 'react';
import { type GadgetConfiguration, type GadgetProjectOption, gadgetConfigurationSchema } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import { Field } from '../../shared/components/Field';
import { Form } from '../../shared/components/Form';
import { initialChoice } from './initial-choice';

interface GadgetPickersProps {
  readonly projects: readonly GadgetProjectOption[];
  readonly saved: GadgetConfiguration;
  readonly truncated: boolean;
}

/** A project picker, then a plan picker of that project's active plans; only offered options can be saved. */
export function GadgetPickers({ projects, saved, truncated }: GadgetPickersProps) {
  const [choice, setChoice] = useState<GadgetConfiguration>(() => initialChoice(projects, saved));
  const [failure, setFailure] = useState<string | null>(null);
  const project = projects.find((candidate) => candidate.projectKey === choice.projectKey);
  const offered = project?.plans.some((plan) => plan.planId === choice.planId) === true;
  const checked = gadgetConfigurationSchema.safeParse(choice);
  const savedGone = saved.planId !== '' && initialChoice(projects, saved).planId !== saved.planId;

  const submit = async () => {
    if (!checked.success || !offered) return;
    try {
      await view.submit(checked.data);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  const chooseProject = (projectKey: string) => {
    const plans = projects.find((candidate) => candidate.projectKey === projectKey)?.plans ?? [];
    setChoice({ projectKey, planId: plans.length === 1 ? (plans[0]?.planId ?? '') : '' });
  };
  return (
    <Form label="Gadget settings" onSubmit={() => void submit()}>
      {savedGone ? <Banner appearance="warning">{`The plan this gadget showed (${saved.planId} in ${saved.projectKey}) is no longer offered to you. Choose another.`}</Banner> : null}
      <Field label="Project" help={truncated ? 'Only the first projects with support plans are listed.' : undefined}>
        <select value={choice.projectKey} onChange={(event) => chooseProject(event.target.value)}>
          <option value="">Choose a project…</option>
          {projects.map((candidate) => (
            <option key={candidate.projectId} value={candidate.projectKey}>
              {candidate.projectKey}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Support plan">
        <select value={choice.planId} disabled={project === undefined} onChange={(event) => setChoice({ ...choice, planId: event.target.value })}>
          <option value="">{project === undefined ? 'Choose a project first' : 'Choose a plan…'}</option>
          {(project?.plans ?? []).map((plan) => (
            <option key={plan.planId} value={plan.planId}>
              {plan.planName}
            </option>
          ))}
        </select>
      </Field>
      <div>
        <Button type="submit" appearance="primary" isDisabled={!checked.success || !offered}>
          Save
        </Button>
      </div>
      {failure === null ? null : <Banner appearance="error">{failure}</Banner>}
    </Form>
  );
}
