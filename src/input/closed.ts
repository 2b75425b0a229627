import * as z from 'zod';
import { statementSchema } from '../contract/statement';
import type { ClosedPeriod } from '../ledger/types';
import { type InputIssue, type InputResult, issueAt, parseDocument } from './result';

/**
 * A closed-statements file: the frozen statements of a plan's closed periods, each exactly as
 * `support-hours statement --format json` printed it (the `…Iso` twins are accepted and dropped).
 * One statement per period; its `closedVersion` is the version of the close (1 when null).
 */
export const closedStatementsSchema = z.array(statementSchema).superRefine((statements, context) => {
  const firstIndexByLabel = new Map<string, number>();
  statements.forEach((statement, index) => {
    const firstIndex = firstIndexByLabel.get(statement.period.label);
    if (firstIndex === undefined) firstIndexByLabel.set(statement.period.label, index);
    else context.addIssue({ code: 'custom', path: [index, 'period', 'label'], message: `closes the same period as [${firstIndex}]` });
  });
});

export interface ParseClosedOptions {
  /** When given, every statement must be of this plan. */
  readonly planId?: string;
}

function statementsOfOtherPlans(document: unknown, closed: readonly ClosedPeriod[], planId: string): InputIssue[] {
  return closed.flatMap(({ statement }, index) =>
    statement.planId === planId
      ? []
      : [issueAt(document, [index, 'planId'], `is a statement of plan ${JSON.stringify(statement.planId)}, but the plan is ${JSON.stringify(planId)}`)],
  );
}

/** Reads a closed-statements file into the ledger's closed periods. */
export function parseClosedStatements(document: unknown, options: ParseClosedOptions = {}): InputResult<ClosedPeriod[]> {
  const parsed = parseDocument(closedStatementsSchema, document);
  if (!parsed.ok) return parsed;
  const closed = parsed.value.map(
    (statement): ClosedPeriod => ({ periodLabel: statement.period.label, version: statement.closedVersion ?? 1, statement }),
  );
  const issues = options.planId === undefined ? [] : statementsOfOtherPlans(document, closed, options.planId);
  return issues.length === 0 ? { ok: true, value: closed } : { ok: false, issues };
}

export type ClosedStatementsDocument = z.input<typeof closedStatementsSchema>;
