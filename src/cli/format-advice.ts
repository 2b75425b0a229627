import type { AdviceFigures, Instant, Plan } from '../ledger';
import { adviceHeadline } from '../quantities';
import { amountForPeople, instantInZone, localDateTime } from './quantities';

export interface AdviceView {
  readonly plan: Plan;
  readonly asOf: Instant;
  readonly figures: AdviceFigures;
}

/** The sentence for the cheapest candidate, amounts written as the CLI writes them; null without candidates. */
function headline({ plan, figures }: AdviceView): string | null {
  const cheapest = figures.cheapest === null ? undefined : figures.candidates[figures.cheapest];
  if (cheapest === undefined) return null;
  return adviceHeadline(
    { candidateName: cheapest.name, differenceMinor: cheapest.differenceMinor, periodCount: figures.periods.length, periodUnit: plan.period, periodsWithOverage: cheapest.periodsWithOverage },
    (amountMinor) => amountForPeople(amountMinor, plan.currency),
  );
}

/** The advice as JSON: its figures, the cheapest candidate by name, and the headline. */
export function formatAdviceJson(view: AdviceView): string {
  const { plan, asOf, figures } = view;
  const cheapest = figures.cheapest === null ? null : (figures.candidates[figures.cheapest]?.name ?? null);
  const document = { planId: plan.id, currency: plan.currency, periodUnit: plan.period, asOf: instantInZone(asOf, plan.timeZone), ...figures, cheapest, headline: headline(view) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function signed(amountMinor: number, currency: string): string {
  if (amountMinor === 0) return amountForPeople(0, currency);
  return `${amountMinor < 0 ? '-' : '+'}${amountForPeople(Math.abs(amountMinor), currency)}`;
}

/** The advice side by side: a column for what was paid and one per candidate (the cheapest marked *), then the headline. */
export function formatAdviceText(view: AdviceView): string {
  const { plan, asOf, figures } = view;
  const money = (amountMinor: number) => amountForPeople(amountMinor, plan.currency);
  const columns = [
    { header: 'paid', cells: [...figures.paid.periods.map((period) => money(period.totalMinor)), money(figures.paid.totalMinor), '', String(figures.paid.periodsWithOverage)] },
    ...figures.candidates.map((candidate, index) => ({
      header: `${candidate.name}${index === figures.cheapest ? ' *' : ''}`,
      cells: [...candidate.periods.map((period) => money(period.totalMinor)), money(candidate.totalMinor), signed(candidate.differenceMinor, plan.currency), String(candidate.periodsWithOverage)],
    })),
  ];
  const labels = [plan.period, ...figures.periods, 'total', 'difference', `${plan.period}s with overage`];
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const widths = columns.map((column) => Math.max(column.header.length, ...column.cells.map((cell) => cell.length)));
  const row = (label: string, cells: readonly string[]) =>
    `  ${label.padEnd(labelWidth)}${cells.map((cell, index) => `  ${cell.padStart(widths[index] ?? 0)}`).join('')}`.trimEnd();
  const [first, last] = [figures.periods[0], figures.periods.at(-1)];
  const lines = [
    `Plan-fit advice: ${plan.name} (${plan.id}), ${plan.currency}`,
    `The last ${figures.periods.length} complete ${plan.period}${figures.periods.length === 1 ? '' : 's'}, ${first} to ${last}, as of ${localDateTime(asOf, plan.timeZone)} (${plan.timeZone})`,
    '',
    row(labels[0] ?? '', columns.map((column) => column.header)),
    ...labels.slice(1).map((label, position) => row(label, columns.map((column) => column.cells[position] ?? ''))),
  ];
  const sentence = headline(view);
  if (sentence !== null) lines.push('', '* cheapest', sentence);
  return `${lines.join('\n')}\n`;
}
