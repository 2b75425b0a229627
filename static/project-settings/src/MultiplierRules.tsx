import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { MAX_FACTOR_PERMILLE, MAX_MULTIPLIER_RULES } from '@contract/index';
import type { Weekday } from '@ledger/types';
import { factorDecimal } from '@quantities/index';
import { Field } from '../../shared/components/Field';
import { useResolver } from '../../shared/hooks/useResolver';
import { NEW_RULE, WEEKDAYS, type RuleDraft, type RuleKind } from './multiplier-draft';

const KINDS: readonly { kind: RuleKind; label: string }[] = [
  { kind: 'time-window', label: 'Time of day (after hours)' },
  { kind: 'weekends', label: 'Weekends' },
  { kind: 'holidays', label: 'Public holidays' },
  { kind: 'priority', label: 'Priority' },
  { kind: 'issue-type', label: 'Issue type' },
  { kind: 'request-type', label: 'Request type' },
];

const DAY_NAMES: Readonly<Record<Weekday, string>> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

interface MultiplierRulesProps {
  readonly rules: readonly RuleDraft[];
  readonly showOverageRate: boolean;
  readonly errorAt: (path: string) => string | undefined;
  readonly onChange: (rules: readonly RuleDraft[]) => void;
}

/** The terms' multiplier rules: when work counts for more, by how much, and (bucket plans) at which overage rate. */
export function MultiplierRules({ rules, showOverageRate, errorAt, onChange }: MultiplierRulesProps) {
  const { state } = useResolver('plans/attributeChoices', {});
  const choices = state.status === 'ready' ? state.data : null;
  const change = (index: number, patch: Partial<RuleDraft>) => onChange(rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)));
  const valuesFor = (kind: RuleKind): readonly { id: string; name: string }[] | null =>
    kind === 'priority' ? (choices?.priorities ?? null) : kind === 'issue-type' ? (choices?.issueTypes ?? null) : kind === 'request-type' ? (choices?.requestTypes ?? null) : null;

  return (
    <fieldset className="sh-stack">
      <legend>Multipliers</legend>
      <p className="sh-field-help">
        Work that matches a rule counts for more: its billable hours (after rounding) times the factor. When several rules match, the highest factor wins.
        Times are in the plan&apos;s time zone; priority and types are those the issue had when the work was done.
      </p>
      {rules.map((rule, index) => {
        const path = `plan.multipliers[${index}]`;
        const listed = valuesFor(rule.kind);
        // A value the rule names that Jira no longer lists stays visible, so it can be removed.
        const options = [...(listed ?? []), ...rule.values.filter((id) => !(listed ?? []).some((choice) => choice.id === id)).map((id) => ({ id, name: `Id ${id}` }))];
        return (
          <div key={index} className="sh-row" role="group" aria-label={`Multiplier ${index + 1}`}>
            <Field label="Rule name" error={errorAt(`${path}.name`)}>
              <Textfield value={rule.name} onChange={(event) => change(index, { name: event.currentTarget.value })} />
            </Field>
            <Field label="Applies to" error={errorAt(`${path}.when.kind`)}>
              <select value={rule.kind} onChange={(event) => change(index, { kind: KINDS.find((kind) => kind.kind === event.target.value)?.kind ?? 'time-window', values: [] })}>
                {KINDS.map(({ kind, label }) => (
                  <option key={kind} value={kind}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            {rule.kind === 'time-window' ? (
              <>
                <fieldset className="sh-row">
                  <legend>Days</legend>
                  {WEEKDAYS.map((day) => (
                    <label key={day}>
                      <input
                        type="checkbox"
                        checked={rule.days.includes(day)}
                        onChange={(event) => change(index, { days: event.target.checked ? [...rule.days, day] : rule.days.filter((other) => other !== day) })}
                      />
                      {DAY_NAMES[day]}
                    </label>
                  ))}
                  {errorAt(`${path}.when.days`) === undefined ? null : <span className="sh-field-error">{errorAt(`${path}.when.days`)}</span>}
                </fieldset>
                <Field label="From" error={errorAt(`${path}.when.from`)} help="HH:mm, inclusive.">
                  <Textfield value={rule.from} onChange={(event) => change(index, { from: event.currentTarget.value })} />
                </Field>
                <Field label="To" error={errorAt(`${path}.when.to`)} help="HH:mm, exclusive; earlier than From runs past midnight.">
                  <Textfield value={rule.to} onChange={(event) => change(index, { to: event.currentTarget.value })} />
                </Field>
              </>
            ) : null}
            {rule.kind === 'holidays' ? (
              <Field label="Dates" error={errorAt(`${path}.when.dates`)} help="Comma separated, e.g. 2026-12-25, 2026-12-26.">
                <Textfield value={rule.dates} onChange={(event) => change(index, { dates: event.currentTarget.value })} />
              </Field>
            ) : null}
            {rule.kind === 'priority' || rule.kind === 'issue-type' || rule.kind === 'request-type' ? (
              <Field label="Values" error={errorAt(`${path}.when.values`)} help={listed === null && state.status === 'ready' ? 'This project has no request types.' : 'Hold Ctrl or ⌘ to choose several.'}>
                <select
                  multiple
                  value={[...rule.values]}
                  onChange={(event) => change(index, { values: [...event.target.selectedOptions].map((option) => option.value) })}
                >
                  {options.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.name}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
            <Field label="Factor" error={errorAt(`${path}.factorPermille`)} help={`e.g. 1.5; from 1 to ${factorDecimal(MAX_FACTOR_PERMILLE)}.`}>
              <Textfield value={rule.factor} onChange={(event) => change(index, { factor: event.currentTarget.value })} />
            </Field>
            {showOverageRate ? (
              <Field label="Overage rate (optional)" error={errorAt(`${path}.overageRateMinor`)} help="Empty: the plan's overage rate.">
                <Textfield value={rule.overageRate} onChange={(event) => change(index, { overageRate: event.currentTarget.value })} />
              </Field>
            ) : null}
            <Button onClick={() => onChange(rules.filter((_, at) => at !== index))}>Remove multiplier {index + 1}</Button>
          </div>
        );
      })}
      {errorAt('plan.multipliers') === undefined ? null : <span className="sh-field-error">{errorAt('plan.multipliers')}</span>}
      <div>
        <Button onClick={() => onChange([...rules, NEW_RULE])} isDisabled={rules.length >= MAX_MULTIPLIER_RULES}>
          Add a multiplier
        </Button>
      </div>
    </fieldset>
  );
}
