import { currencyDigits } from '@quantities/index';
import { useMemo, useState } from 'react';
import {
  BLOCK_ID_MAX_LENGTH,
  MAX_ALERT_RECIPIENTS,
  MAX_AMOUNT_MINOR,
  MAX_PERIOD_SECONDS,
  MAX_RATE_MINOR_PER_HOUR,
  MAX_ROLLOVER_PERIODS,
  MAX_ROUNDING_SECONDS,
  MAX_THRESHOLDS,
  PLAN_ID_MAX_LENGTH,
  PLAN_MAX_BLOCKS,
  PLAN_NAME_MAX_LENGTH,
  TIME_ZONE_MAX_LENGTH,
  type PayloadOf,
  type ResolverError,
} from '@contract/index';
import { decimalText } from '@ledger/decimal-text';
import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { Field } from '../../shared/components/Field';
import { Form } from '../../shared/components/Form';
import { formatCount } from '../../shared/format/count';
import { MultiplierRules } from './MultiplierRules';
import type { BlockDraft, PlanDraft } from './plan-draft';
import { fieldErrorsOf, validatePlanDraft } from './validate-plan';

type TextKey = { [Key in keyof PlanDraft]: PlanDraft[Key] extends string ? Key : never }[keyof PlanDraft];

interface PlanFormProps {
  readonly initial: PlanDraft;
  /** Editing keeps the id: it is the plan's JQL value. */
  readonly editing: boolean;
  readonly pending: boolean;
  readonly serverError: ResolverError | null;
  /** Editing: the periods the changed terms may apply from (closed ones are refused by the server), and the default. */
  readonly effectiveFrom?: { readonly labels: readonly string[]; readonly initial: string };
  /** `effectiveFrom`: the period chosen, when editing. */
  readonly onSave: (plan: PayloadOf<'plans/create'>['plan'], effectiveFrom?: string) => void;
  readonly onCancel: () => void;
}

/** The error at `path` or at one of its items (`plan.thresholdsPercent[1]` shows on the thresholds field). */
function firstError(errors: Readonly<Record<string, string>>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}[`))?.[1];
}

/** The limits of src/input/limits.ts as the form states them, in the units people type. */
const MAX_HOURS = formatCount(MAX_PERIOD_SECONDS / 3600);
const MAX_ROUNDING_MINUTES = formatCount(MAX_ROUNDING_SECONDS / 60);

const BLOCK_FIELDS: readonly { key: keyof BlockDraft; label: string; path: string; type: 'text' | 'date'; maxLength?: number }[] = [
  { key: 'id', label: 'Block id', path: 'id', type: 'text', maxLength: BLOCK_ID_MAX_LENGTH },
  { key: 'purchasedOn', label: 'Purchased on', path: 'purchasedOn', type: 'date' },
  { key: 'hours', label: 'Hours', path: 'seconds', type: 'text' },
  { key: 'expiresOn', label: 'Expires on (optional)', path: 'expiresOn', type: 'date' },
  { key: 'price', label: 'Price', path: 'priceMinor', type: 'text' },
];

const NEW_BLOCK: BlockDraft = { id: '', purchasedOn: '', hours: '', expiresOn: '', price: '0' };

/** Every field of a plan, checked as you type with the resolver's own schema; the server's errors show beside their fields. */
export function PlanForm({ initial, editing, pending, serverError, effectiveFrom, onSave, onCancel }: PlanFormProps) {
  const [draft, setDraft] = useState(initial);
  const [from, setFrom] = useState(effectiveFrom?.initial);
  const [touched, setTouched] = useState(false);
  const { plan, errors } = useMemo(() => validatePlanDraft(draft), [draft]);
  const serverFields = fieldErrorsOf(serverError?.fields);
  const errorAt = (path: string) => firstError(touched ? { ...serverFields, ...errors } : serverFields, path);

  const change = (patch: Partial<PlanDraft>) => {
    setTouched(true);
    setDraft((current) => ({ ...current, ...patch }));
  };
  const text = (key: TextKey, label: string, path: string, options: { type?: string; help?: string; readOnly?: boolean; maxLength?: number } = {}) => (
    <Field label={label} error={errorAt(path)} help={options.help}>
      <Textfield
        type={options.type ?? 'text'}
        value={draft[key]}
        isReadOnly={options.readOnly}
        maxLength={options.maxLength}
        onChange={(event) => change({ [key]: event.currentTarget.value })}
      />
    </Field>
  );
  const digits = currencyDigits(draft.currency);
  const atMost = (minor: number, per = '') => `At most ${decimalText(minor, digits)}${per}.`;
  const changeBlock = (index: number, patch: Partial<BlockDraft>) =>
    change({ blocks: draft.blocks.map((block, at) => (at === index ? { ...block, ...patch } : block)) });

  return (
    <Form
      className="sh-stack sh-card"
      label={editing ? `Edit plan ${initial.name}` : 'New plan'}
      focusOnOpen
      serverError={serverError}
      onSubmit={() => {
        setTouched(true);
        if (plan !== null) onSave(plan, from);
      }}
    >
      <h2>{editing ? `Edit ${initial.name}` : 'New plan'}</h2>
      <fieldset className="sh-row">
        <legend>Plan</legend>
        {text('name', 'Name', 'plan.name', { maxLength: PLAN_NAME_MAX_LENGTH })}
        {text('id', 'Plan id (used in JQL)', 'plan.id', { help: 'Lower-case letters, digits and hyphens, e.g. acme-gold.', readOnly: editing, maxLength: PLAN_ID_MAX_LENGTH })}
        <Field label="Kind" error={errorAt('plan.kind')}>
          <select value={draft.kind} onChange={(event) => change({ kind: event.target.value === 'pay-as-you-go' ? 'pay-as-you-go' : 'buckets' })}>
            <option value="buckets">Included hours and prepaid blocks</option>
            <option value="pay-as-you-go">Pay as you go</option>
          </select>
        </Field>
        <Field label="Period" error={errorAt('plan.period')}>
          <select
            value={draft.period}
            onChange={(event) => change({ period: event.target.value === 'quarter' ? 'quarter' : event.target.value === 'year' ? 'year' : 'month' })}
          >
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
            <option value="year">Year</option>
          </select>
        </Field>
        {text('startDate', 'Start date', 'plan.startDate', { type: 'date' })}
        {text('endDate', 'End date (optional)', 'plan.endDate', { type: 'date' })}
        {text('timeZone', 'Time zone', 'plan.timeZone', { help: 'IANA name, e.g. Europe/Berlin.', maxLength: TIME_ZONE_MAX_LENGTH })}
      </fieldset>
      <fieldset className="sh-row">
        <legend>Money</legend>
        {text('currency', 'Currency', 'plan.currency', { help: 'ISO 4217 code, e.g. EUR.', maxLength: 3 })}
        {draft.kind === 'pay-as-you-go'
          ? text('hourlyRate', 'Hourly rate', 'plan.hourlyRateMinor', { help: atMost(MAX_RATE_MINOR_PER_HOUR, ' an hour') })
          : text('overageRate', 'Overage rate per hour', 'plan.overageRateMinor', { help: atMost(MAX_RATE_MINOR_PER_HOUR, ' an hour') })}
        {text('extraRate', 'Extra work rate per hour', 'plan.extraRateMinor', { help: atMost(MAX_RATE_MINOR_PER_HOUR, ' an hour') })}
      </fieldset>
      {draft.kind === 'buckets' ? (
        <fieldset className="sh-row">
          <legend>Allowance</legend>
          {text('includedHours', 'Included hours per period', 'plan.allowance.includedSeconds', { help: `Empty for none (blocks only); at most ${MAX_HOURS}.` })}
          {text('fixedFee', 'Fixed fee per period', 'plan.allowance.fixedFeeMinor', { help: atMost(MAX_AMOUNT_MINOR) })}
          {text('rolloverCapHours', 'Rollover cap (hours)', 'plan.allowance.rollover.capSeconds', { help: `Empty: unused hours do not carry over; at most ${MAX_HOURS}.` })}
          {text('rolloverExpiresAfterPeriods', 'Rolled-over hours expire after (periods)', 'plan.allowance.rollover.expiresAfterPeriods', { help: `At most ${MAX_ROLLOVER_PERIODS}.` })}
        </fieldset>
      ) : null}
      <fieldset className="sh-row">
        <legend>Rounding and alerts</legend>
        {text('roundingIncrementMinutes', 'Round each worklog up to (minutes)', 'plan.rounding.incrementSeconds', { help: `At most ${MAX_ROUNDING_MINUTES} (a day).` })}
        {text('roundingMinimumMinutes', 'Minimum per worklog (minutes)', 'plan.rounding.minimumSeconds', { help: `At most ${MAX_ROUNDING_MINUTES} (a day).` })}
        {text('thresholds', 'Alert thresholds (%)', 'plan.thresholdsPercent', { help: `Comma separated, at most ${MAX_THRESHOLDS}, e.g. 80, 100.` })}
        {text('alertAccountIds', 'Email alerts to (account ids)', 'plan.alertRecipients.accountIds', {
          help: `Comma separated Atlassian account ids; empty for none. At most ${MAX_ALERT_RECIPIENTS} recipients with the groups.`,
        })}
        {text('alertGroups', 'Email alerts to (groups)', 'plan.alertRecipients.groups', { help: 'Comma separated Jira group names; empty for none.' })}
      </fieldset>
      {draft.kind === 'buckets' ? (
        <fieldset className="sh-stack">
          <legend>Prepaid blocks</legend>
          {draft.blocks.map((block, index) => (
            <div key={index} className="sh-row" role="group" aria-label={`Block ${index + 1}`}>
              {BLOCK_FIELDS.map(({ key, label, path, type, maxLength }) => (
                <Field key={key} label={label} error={errorAt(`plan.blocks[${index}].${path}`)}>
                  <Textfield type={type} value={block[key]} maxLength={maxLength} onChange={(event) => changeBlock(index, { [key]: event.currentTarget.value })} />
                </Field>
              ))}
              <Button onClick={() => change({ blocks: draft.blocks.filter((_, at) => at !== index) })}>Remove block {index + 1}</Button>
            </div>
          ))}
          <div>
            <Button onClick={() => change({ blocks: [...draft.blocks, NEW_BLOCK] })} isDisabled={draft.blocks.length >= PLAN_MAX_BLOCKS}>
              Add a prepaid block
            </Button>
            {draft.blocks.length >= PLAN_MAX_BLOCKS ? <span className="sh-field-help"> A plan has at most {PLAN_MAX_BLOCKS} blocks.</span> : null}
          </div>
        </fieldset>
      ) : null}
      <MultiplierRules rules={draft.multipliers} showOverageRate={draft.kind === 'buckets'} errorAt={errorAt} onChange={(multipliers) => change({ multipliers })} />
      {effectiveFrom === undefined ? null : (
        <fieldset className="sh-row">
          <legend>When the change applies</legend>
          <Field
            label="Effective from"
            error={serverFields.effectiveFrom}
            help="Changed terms apply from the start of this period on; earlier periods keep the terms they had, and a closed period never changes."
          >
            <select value={from} onChange={(event) => setFrom(event.target.value)}>
              {effectiveFrom.labels.map((label) => (
                <option key={label} value={label}>
                  {label}
                  {label === effectiveFrom.initial ? ' (current period)' : ''}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
      )}
      {serverError === null ? null : <Banner appearance="error">{serverError.message}</Banner>}
      <div className="sh-row">
        <Button type="submit" appearance="primary" isDisabled={pending || (touched && plan === null)}>
          {editing ? 'Save plan' : 'Create plan'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </Form>
  );
}
