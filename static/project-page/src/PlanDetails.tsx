import { useState } from 'react';
import type { PlanCard, TermVersion } from '@contract/index';
import type { Plan } from '@ledger/types';
import { Field } from '../../shared/components/Field';
import { LoadableView } from '../../shared/components/LoadableView';
import { Stats } from '../../shared/components/Stats';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { useResolver } from '../../shared/hooks/useResolver';
import { AuthorBreakdown, IssueBreakdown } from './Breakdown';
import { BurnChart } from './BurnChart';
import { CsvExport } from './CsvExport';
import { LateAdjustments } from './LateAdjustments';
import { PastPeriods } from './PastPeriods';
import { PlanAdvice } from './PlanAdvice';
import { periodFiguresOf } from './period-figures';
import { PeriodClosing } from './PeriodClosing';
import { PrintableStatement } from './PrintableStatement';
import { StatementUpdating } from './StatementUpdating';
import { WorklogLines } from './WorklogLines';
import type { PlanTermsForForm } from './advice-form';

const HISTORY_PERIODS = 12;

/** Which term version priced the period: the plan's terms change only from a period on, never inside one. */
function TermsInForce({ termsVersion, terms }: { termsVersion: number; terms: readonly TermVersion[] }) {
  const version = terms.find((candidate) => candidate.version === termsVersion);
  return (
    <p className="sh-subtle">
      Priced by terms version {termsVersion} of {terms.length}
      {version === undefined ? '' : `, in force from ${version.from}`}.
    </p>
  );
}

/** What the Advice form starts from: the plan's currency, kind, allowance and hourly price of covered work. */
function adviceTermsOf(plan: Plan): PlanTermsForForm {
  if (plan.kind === 'pay-as-you-go') return { currency: plan.currency, kind: plan.kind, coveredRateMinor: plan.hourlyRateMinor };
  return { currency: plan.currency, kind: plan.kind, coveredRateMinor: plan.overageRateMinor, allowance: plan.allowance };
}

/** One plan in depth: a period picker, the burn chart, breakdowns, worklog lines, past periods and the CSV. */
export function PlanDetails({ card }: { card: PlanCard }) {
  const { locale } = useSurfaceContext();
  const [periodLabel, setPeriodLabel] = useState(card.period.label);
  const history = useResolver('usage/history', { planId: card.planId, periods: HISTORY_PERIODS });
  const statement = useResolver('usage/statement', { planId: card.planId, period: periodLabel });
  const stored = useResolver('plans/get', { planId: card.planId });
  // Pages are asked of the period the summary is of (the current period may turn over between two calls).
  const request = { planId: card.planId, period: statement.state.status === 'ready' ? statement.state.data.period.label : periodLabel };
  const labels = history.state.status === 'ready' ? history.state.data.periods.map((totals) => totals.period.label).reverse() : [card.period.label];

  return (
    <section className="sh-stack sh-card" aria-label={`${card.planName} details`}>
      <div className="sh-row">
        <h2>{card.planName}</h2>
        <Field label="Period">
          <select value={periodLabel} onChange={(event) => setPeriodLabel(event.target.value)}>
            {labels.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <LoadableView state={statement.state} what={`the statement for ${periodLabel}`} onRetry={statement.reload}>
        {(data) => (
          // A statement read again (another revision) starts its lists afresh.
          <div className="sh-stack" key={data.revision}>
            <StatementUpdating summary={data} onReload={statement.reload} />
            <Stats items={periodFiguresOf(card.kind, locale).map((figure) => ({ label: figure.label, value: figure.value(data) }))} />
            {stored.state.status === 'ready' ? <TermsInForce termsVersion={data.termsVersion} terms={stored.state.data.plan.terms} /> : null}
            <LateAdjustments statement={data} request={request} onReload={statement.reload} />
            <BurnChart statement={data} timeZone={card.timeZone} showAvailable={card.kind !== 'pay-as-you-go'} />
            <div>
              {stored.state.status === 'ready' ? <CsvExport summary={data} statement={request} plan={stored.state.data.plan.plan} onChanged={statement.reload} /> : null}
              {stored.state.status === 'ready' ? <PrintableStatement summary={data} statement={request} plan={stored.state.data.plan.plan} onChanged={statement.reload} /> : null}
            </div>
            <h3>By issue</h3>
            <IssueBreakdown summary={data} statement={request} onReload={statement.reload} />
            <h3>By person</h3>
            <AuthorBreakdown summary={data} statement={request} onReload={statement.reload} />
            <h3>Worklog lines</h3>
            <WorklogLines summary={data} statement={request} onReload={statement.reload} />
          </div>
        )}
      </LoadableView>
      <h3>Open and closed periods</h3>
      <PeriodClosing
        planId={card.planId}
        timeZone={card.timeZone}
        onChanged={() => {
          statement.reload();
          history.reload();
        }}
      />
      <h3>Past periods</h3>
      <LoadableView state={history.state} what="past periods" onRetry={history.reload}>
        {(data) => <PastPeriods periods={data.periods} kind={card.kind} />}
      </LoadableView>
      <h3>Advice</h3>
      {stored.state.status === 'ready' ? <PlanAdvice planId={card.planId} plan={adviceTermsOf(stored.state.data.plan.plan)} /> : null}
    </section>
  );
}
