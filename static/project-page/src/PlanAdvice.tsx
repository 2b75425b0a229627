import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { DEFAULT_ADVICE_PERIODS, MAX_ADVICE_CANDIDATES, MAX_ADVICE_PERIODS, type DataOf } from '@contract/index';
import { adviceHeadline, formatHours, formatMoney } from '@quantities/index';
import { Banner } from '../../shared/components/Banner';
import { Field } from '../../shared/components/Field';
import { TableScroll } from '../../shared/components/TableScroll';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { useWrite } from '../../shared/hooks/useWrite';
import { candidatesOf, type CandidateRow, emptyRow, initialRows, type PlanTermsForForm, type RowErrors } from './advice-form';

const PERIOD_CHOICES = [3, 6, DEFAULT_ADVICE_PERIODS, MAX_ADVICE_PERIODS] as const;

type Advice = DataOf<'usage/advice'>;

/** One candidate's fields: name, allowance (hours, fee, rollover) and top-up blocks (size, price); native inputs, whose focus outline shows on the field itself. */
function CandidateFields({ row, errors, index, onChange, onRemove }: { row: CandidateRow; errors: RowErrors; index: number; onChange: (row: CandidateRow) => void; onRemove: (() => void) | null }) {
  const textField = (field: keyof Omit<CandidateRow, 'rollover'>, label: string, help?: string) => (
    <Field label={label} error={errors[field]} help={help}>
      <input type="text" value={row[field]} onChange={(event) => onChange({ ...row, [field]: event.target.value })} inputMode={field === 'name' ? undefined : 'decimal'} />
    </Field>
  );
  return (
    <fieldset>
      <legend>Candidate {index + 1}</legend>
      <div className="sh-row">
        {textField('name', 'Name')}
        {textField('includedHours', 'Included hours a period', 'Blank: no allowance.')}
        {textField('fixedFee', 'Fixed fee a period')}
        <label className="sh-checkbox">
          <input type="checkbox" checked={row.rollover} onChange={(event) => onChange({ ...row, rollover: event.target.checked })} /> Unused hours roll over (one period)
        </label>
        {textField('blockHours', 'Top-up block hours', 'Bought whenever the bank runs empty. Blank: the blocks the plan bought.')}
        {textField('blockPrice', 'Block price')}
        {onRemove === null ? null : (
          <Button appearance="subtle" onClick={onRemove}>
            Remove {row.name.trim() === '' ? `candidate ${index + 1}` : row.name}
          </Button>
        )}
      </div>
    </fieldset>
  );
}

/** What was paid and each candidate, a column each, a row per period; the cheapest candidate highlighted. */
function AdviceTable({ advice, locale }: { advice: Advice; locale: string }) {
  const money = (minor: number) => formatMoney(minor, advice.currency, locale);
  const signed = (minor: number) => (minor > 0 ? `+${money(minor)}` : minor < 0 ? `−${money(-minor)}` : money(0));
  const columns = [{ name: 'Paid', cheapest: false, ...advice.paid, differenceMinor: null as number | null }, ...advice.candidates.map((candidate, index) => ({ ...candidate, cheapest: index === advice.cheapest }))];
  const summaryRows: { readonly label: string; readonly cell: (column: (typeof columns)[number]) => React.ReactNode }[] = [
    { label: 'Total', cell: (column) => <strong>{money(column.totalMinor)}</strong> },
    { label: 'Difference to what was paid', cell: (column) => (column.differenceMinor === null ? '' : signed(column.differenceMinor)) },
    { label: 'Overage', cell: (column) => `${formatHours(column.overageSeconds, locale)} in ${column.periodsWithOverage} of ${advice.periods.length}` },
  ];
  return (
    <TableScroll label="Candidates side by side">
      <table className="sh-table sh-advice-table">
        <caption className="sh-visually-hidden">What each candidate would have cost, by {advice.periodUnit}</caption>
        <thead>
          <tr>
            <th scope="col">{advice.periodUnit === 'month' ? 'Month' : advice.periodUnit === 'quarter' ? 'Quarter' : 'Year'}</th>
            {columns.map((column) => (
              <th key={column.name} scope="col" data-numeric="" data-cheapest={column.cheapest ? '' : undefined}>
                {column.name}
                {column.cheapest ? <span className="sh-advice-cheapest"> (cheapest)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {advice.periods.map((label, row) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {columns.map((column) => (
                <td key={column.name} data-numeric="" data-cheapest={column.cheapest ? '' : undefined}>
                  {money(column.periods[row]?.totalMinor ?? 0)}
                </td>
              ))}
            </tr>
          ))}
          {summaryRows.map((summary) => (
            <tr key={summary.label}>
              <th scope="row">{summary.label}</th>
              {columns.map((column) => (
                <td key={column.name} data-numeric="" data-cheapest={column.cheapest ? '' : undefined}>
                  {summary.cell(column)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The cheapest candidate in one sentence. */
function Headline({ advice, locale }: { advice: Advice; locale: string }) {
  const cheapest = advice.cheapest === null ? undefined : advice.candidates[advice.cheapest];
  if (cheapest === undefined) return null;
  const figures = { candidateName: cheapest.name, differenceMinor: cheapest.differenceMinor, periodCount: advice.periods.length, periodUnit: advice.periodUnit, periodsWithOverage: cheapest.periodsWithOverage };
  return <p className="sh-advice-headline">{adviceHeadline(figures, (minor) => formatMoney(minor, advice.currency, locale))}</p>;
}

/**
 * Plan-fit advice: the manager picks how many complete periods and edits a few candidates (allowance, fee, rollover,
 * top-up blocks); the ledger prices the periods' work under each, beside what was paid.
 */
export function PlanAdvice({ planId, plan }: { planId: string; plan: PlanTermsForForm }) {
  const { locale } = useSurfaceContext();
  const [periods, setPeriods] = useState<number>(DEFAULT_ADVICE_PERIODS);
  const [rows, setRows] = useState<CandidateRow[]>(() => initialRows(plan));
  const [errors, setErrors] = useState<RowErrors[]>([]);
  const advise = useWrite('usage/advice');
  const compare = () => {
    const checked = candidatesOf(rows, plan.currency);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    void advise.run({ planId, periods, candidates: checked.candidates });
  };
  const advice = advise.lastData;
  return (
    <section className="sh-stack" aria-label="Plan-fit advice">
      <p className="sh-subtle">
        What the last complete periods' work would have cost under other terms, each period priced by the ledger as a statement, beside what the statements charged.
      </p>
      <form
        className="sh-stack"
        aria-label="Candidates to compare"
        onSubmit={(event) => {
          event.preventDefault();
          compare();
        }}
      >
        <Field label="Complete periods">
          <select value={periods} onChange={(event) => setPeriods(Number(event.target.value))}>
            {PERIOD_CHOICES.map((count) => (
              <option key={count} value={count}>
                the last {count}
              </option>
            ))}
          </select>
        </Field>
        {rows.map((row, index) => (
          <CandidateFields
            key={index}
            row={row}
            index={index}
            errors={errors[index] ?? {}}
            onChange={(changed) => setRows(rows.map((each, position) => (position === index ? changed : each)))}
            onRemove={rows.length > 1 ? () => setRows(rows.filter((_each, position) => position !== index)) : null}
          />
        ))}
        <div className="sh-row">
          {rows.length < MAX_ADVICE_CANDIDATES ? (
            <Button onClick={() => setRows([...rows, emptyRow(rows.length)])}>Add a candidate</Button>
          ) : null}
          <Button appearance="primary" type="submit" isLoading={advise.pending}>
            Compare
          </Button>
        </div>
      </form>
      {advise.error === null ? null : (
        <Banner appearance="error" takeFocus>
          {advise.error.message}
        </Banner>
      )}
      {advice === null ? null : advice.periods.length === 0 ? (
        <p>No period of this plan has ended yet: there is nothing to compare.</p>
      ) : (
        <div className="sh-stack" aria-live="polite">
          <Headline advice={advice} locale={locale} />
          <AdviceTable advice={advice} locale={locale} />
        </div>
      )}
    </section>
  );
}
