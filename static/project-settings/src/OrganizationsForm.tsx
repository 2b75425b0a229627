import { useState } from 'react';
import { organizationIdsOf } from '@contract/index';
import Button from '@atlaskit/button/new';
import { Banner } from '../../shared/components/Banner';
import { Form } from '../../shared/components/Form';
import { useResolver } from '../../shared/hooks/useResolver';
import { useWrite } from '../../shared/hooks/useWrite';
import { fieldErrorsOf } from './validate-plan';
import type { PlanSettingFormProps } from './plan-setting-form';

/** The JSM organisations whose requests follow the plan, picked from the project's service desk's organisations. */
export function OrganizationsForm({ stored, onSaved, onCancel }: PlanSettingFormProps) {
  const { state } = useResolver('plans/organizationChoices', {});
  const [chosen, setChosen] = useState<readonly string[]>(organizationIdsOf(stored));
  const save = useWrite('plans/setOrganizations');
  const errors = fieldErrorsOf(save.error?.fields);
  const toggle = (id: string, on: boolean) => setChosen((current) => (on ? [...current, id] : current.filter((other) => other !== id)));

  const submit = async () => {
    const outcome = await save.run({ planId: stored.plan.id, expectedVersion: stored.version, organizationIds: [...chosen] });
    if (outcome.ok) onSaved(outcome.data);
  };

  const choices = state.status === 'ready' ? state.data.organizations : null;
  // An organisation the plan names that the service desk no longer lists stays visible, so it can be removed.
  const listed = choices === null ? [] : [...choices, ...chosen.filter((id) => !choices.some((choice) => choice.id === id)).map((id) => ({ id, name: `Organisation ${id}`, jql: null }))];
  const fieldError = Object.entries(errors).find(([path]) => path.startsWith('organizationIds'))?.[1];

  return (
    <Form className="sh-stack sh-card" label={`Organisations of ${stored.plan.name}`} focusOnOpen serverError={save.error} onSubmit={() => void submit()}>
      <h2>Organisations: {stored.plan.name}</h2>
      <p>
        New requests of these organisations count against this plan, and a request follows its organisations when an agent changes them, unless its plan was
        chosen by hand. An organisation can belong to one plan of the project.
      </p>
      {state.status === 'loading' ? <p>Loading the service desk&apos;s organisations…</p> : null}
      {state.status === 'error' ? <Banner appearance="error">{state.error.message}</Banner> : null}
      {state.status === 'ready' && choices === null ? <Banner appearance="warning">This project is not a Jira Service Management service project: it has no organisations.</Banner> : null}
      {listed.length > 0 ? (
        <fieldset className="sh-stack">
          <legend>Organisations of the service desk{state.status === 'ready' && state.data.truncated ? ' (the first ones by id)' : ''}</legend>
          {listed.map((organization) => (
            <label key={organization.id} className="sh-row">
              <input type="checkbox" checked={chosen.includes(organization.id)} onChange={(event) => toggle(organization.id, event.target.checked)} />
              {organization.name}
              {chosen.includes(organization.id) && organization.jql !== null ? <code className="sh-muted">{organization.jql}</code> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      {chosen.length > 0 ? <p className="sh-muted">To link an organisation&apos;s existing requests, count and link the JQL beside it under Link issues by JQL.</p> : null}
      {fieldError === undefined ? null : <Banner appearance="error">{fieldError}</Banner>}
      {save.error === null ? null : <Banner appearance="error">{save.error.message}</Banner>}
      <div className="sh-row">
        <Button type="submit" appearance="primary" isDisabled={save.pending || state.status !== 'ready'}>
          Save organisations
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
