import { useState } from 'react';
import { hardStopOf, type HardStop, type HardStopMode } from '@contract/index';
import Button from '@atlaskit/button/new';
import { Banner } from '../../shared/components/Banner';
import { Form } from '../../shared/components/Form';
import { useWrite } from '../../shared/hooks/useWrite';
import type { PlanSettingFormProps } from './plan-setting-form';

const MODES: readonly { readonly value: HardStopMode; readonly text: string }[] = [
  { value: 'off', text: 'Do nothing' },
  { value: 'warn', text: 'Warn agents in the issue panel' },
  { value: 'stop', text: 'Warn agents, and stop the transitions guarded by the "Support plan has hours left" validator' },
];

const UNKNOWN: readonly { readonly value: HardStop['whenUnknown']; readonly text: string }[] = [
  { value: 'allow', text: 'Let the transition through (fail open)' },
  { value: 'refuse', text: 'Refuse the transition until it can tell (fail closed)' },
];

interface ChoicesProps<Value extends string> {
  readonly legend: string;
  readonly name: string;
  readonly options: readonly { readonly value: Value; readonly text: string }[];
  readonly value: Value;
  readonly onChange: (value: Value) => void;
  readonly disabled?: boolean;
}

/** One choice among a few, as radio buttons under a legend. */
function Choices<Value extends string>({ legend, name, options, value, onChange, disabled = false }: ChoicesProps<Value>) {
  return (
    <fieldset className="sh-stack" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="sh-row">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.text}
        </label>
      ))}
    </fieldset>
  );
}

/** What happens when the plan's hours run out: the plan's admins change it as of now, and it changes no figure. */
export function HardStopForm({ stored, onSaved, onCancel }: PlanSettingFormProps) {
  const initial = hardStopOf(stored);
  const [mode, setMode] = useState(initial.mode);
  const [whenUnknown, setWhenUnknown] = useState(initial.whenUnknown);
  const save = useWrite('plans/setHardStop');

  const submit = async () => {
    const outcome = await save.run({ planId: stored.plan.id, expectedVersion: stored.version, hardStop: { mode, whenUnknown } });
    if (outcome.ok) onSaved(outcome.data);
  };

  return (
    <Form className="sh-stack sh-card" label={`Hard stop of ${stored.plan.name}`} focusOnOpen serverError={save.error} onSubmit={() => void submit()}>
      <h2>Hard stop: {stored.plan.name}</h2>
      <p>
        What happens once the plan&apos;s hours for the period are used up. Stopping needs the validator &quot;Support plan has hours left&quot; added to the
        transitions to guard (for example &quot;Start progress&quot;) in Jira&apos;s workflow editor. Work logged anyway is billed as overage, as the terms say.
      </p>
      <Choices legend="When the hours run out" name="hard-stop-mode" options={MODES} value={mode} onChange={setMode} />
      <Choices
        legend="When the app cannot tell (no figures yet, storage unavailable, figures being rebuilt)"
        name="hard-stop-unknown"
        options={UNKNOWN}
        value={whenUnknown}
        onChange={setWhenUnknown}
        disabled={mode !== 'stop'}
      />
      {save.error === null ? null : <Banner appearance="error">{save.error.message}</Banner>}
      <div className="sh-row">
        <Button type="submit" appearance="primary" isDisabled={save.pending}>
          Save hard stop
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
