import { useState } from 'react';
import { customerAccessOf, MAX_NAMED_CUSTOMERS, type CustomerAccess, type CustomerAudience } from '@contract/index';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { Banner } from '../../shared/components/Banner';
import { Field } from '../../shared/components/Field';
import { Form } from '../../shared/components/Form';
import { usePeopleNames } from '../../shared/hooks/usePeopleNames';
import { useWrite } from '../../shared/hooks/useWrite';
import { fieldErrorsOf } from './validate-plan';
import type { PlanSettingFormProps } from './plan-setting-form';

const AUDIENCES: readonly { readonly value: CustomerAudience; readonly text: string }[] = [
  { value: 'nobody', text: 'Nobody' },
  { value: 'organizations', text: "Members of the plan's organisations" },
  { value: 'named-customers', text: 'The customers named below' },
];

const audienceOf = (value: string): CustomerAudience => AUDIENCES.find((audience) => audience.value === value)?.value ?? 'nobody';

const listOf = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  ),
];

/** Who among the service desk's customers sees the plan in the portal, and what they see: the plan's admins change it as of now. */
export function CustomerAccessForm({ stored, onSaved, onCancel }: PlanSettingFormProps) {
  const initial = customerAccessOf(stored);
  const [audience, setAudience] = useState(initial.audience);
  const [accountIds, setAccountIds] = useState(initial.accountIds.join(', '));
  const [showAmounts, setShowAmounts] = useState(initial.showAmounts);
  const [showAgentNames, setShowAgentNames] = useState(initial.showAgentNames);
  const save = useWrite('plans/setCustomerAccess');
  const named = listOf(accountIds);
  const nameOf = usePeopleNames(audience === 'named-customers' ? named : []);
  const errors = fieldErrorsOf(save.error?.fields);

  const submit = async () => {
    const customerAccess: CustomerAccess = { audience, accountIds: audience === 'named-customers' ? named : [], showAmounts, showAgentNames };
    const outcome = await save.run({ planId: stored.plan.id, expectedVersion: stored.version, customerAccess });
    if (outcome.ok) onSaved(outcome.data);
  };

  return (
    <Form className="sh-stack sh-card" label={`Customer portal access of ${stored.plan.name}`} focusOnOpen serverError={save.error} onSubmit={() => void submit()}>
      <h2>Customer portal: {stored.plan.name}</h2>
      <p>
        Who among your service desk&apos;s customers sees this plan&apos;s balance in the portal. Changes apply at once and change no figure. Customers never see
        worklog comments or internal work.
      </p>
      <Field label="Shown to" error={errors['customerAccess.audience']}>
        <select value={audience} onChange={(event) => setAudience(audienceOf(event.target.value))}>
          {AUDIENCES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.text}
            </option>
          ))}
        </select>
      </Field>
      {audience === 'named-customers' ? (
        <Field
          label="Customers (account ids)"
          error={errors['customerAccess.accountIds']}
          help={`Comma separated Atlassian account ids, at most ${MAX_NAMED_CUSTOMERS}.${named.length === 0 ? '' : ` Named: ${named.map((accountId) => nameOf(accountId) || accountId).join(', ')}.`}`}
        >
          <Textfield value={accountIds} onChange={(event) => setAccountIds(event.currentTarget.value)} />
        </Field>
      ) : null}
      <label className="sh-row">
        <input type="checkbox" checked={showAmounts} onChange={(event) => setShowAmounts(event.target.checked)} />
        Show amounts to customers (the overage&apos;s and the period&apos;s money)
      </label>
      <label className="sh-row">
        <input type="checkbox" checked={showAgentNames} onChange={(event) => setShowAgentNames(event.target.checked)} />
        Show agents&apos; names (who worked on a request)
      </label>
      {save.error === null ? null : <Banner appearance="error">{save.error.message}</Banner>}
      <div className="sh-row">
        <Button type="submit" appearance="primary" isDisabled={save.pending}>
          Save portal access
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
