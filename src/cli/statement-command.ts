import { type InputResult, parseClosedStatements, parseLinks, parsePlan, parseWorklogs } from '../input';
import { LedgerInputError, buildStatement, periodByLabel } from '../ledger';
import type { OutputFormat, StatementOptions } from './arguments';
import { formatInputIssues } from './format-issues';
import { formatStatementCsv } from './format-csv';
import { formatStatementJson } from './format-json';
import { formatStatementText } from './format-text';
import { loadJsonDocument } from './load-document';
import { type StatementView, authorNamesOf } from './statement-view';

export type CommandOutcome =
  | { readonly exitCode: 0; readonly output: string }
  | { readonly exitCode: 1; readonly errors: readonly string[] };

const formatters: Record<OutputFormat, (view: StatementView) => string> = {
  json: formatStatementJson,
  csv: formatStatementCsv,
  text: formatStatementText,
};

type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };

function readInput<T>(path: string, parse: (document: unknown) => InputResult<T>): Checked<T> {
  const loaded = loadJsonDocument(path);
  if (!loaded.ok) return { ok: false, errors: [loaded.message] };
  const parsed = parse(loaded.document);
  return parsed.ok ? parsed : { ok: false, errors: formatInputIssues(path, parsed.issues) };
}

function failed(errors: readonly string[]): CommandOutcome {
  return { exitCode: 1, errors };
}

/** Reads and checks the three input files (four with `--closed`), then computes and formats the statement; any problem means no output at all. */
export function runStatementCommand(options: StatementOptions): CommandOutcome {
  const plan = readInput(options.planPath, parsePlan);
  const links = readInput(options.linksPath, (document) => parseLinks(document, plan.ok ? { planId: plan.value.id } : {}));
  const worklogs = readInput(options.worklogsPath, parseWorklogs);
  const closed =
    options.closedPath === undefined
      ? { ok: true as const, value: [] }
      : readInput(options.closedPath, (document) => parseClosedStatements(document, plan.ok ? { planId: plan.value.id } : {}));
  if (!plan.ok || !links.ok || !worklogs.ok || !closed.ok) {
    return failed([plan, links, worklogs, closed].flatMap((input) => (input.ok ? [] : input.errors)));
  }
  const period = periodByLabel(plan.value, options.periodLabel);
  if (period === null) {
    return failed([
      `--period ${options.periodLabel}: plan ${JSON.stringify(plan.value.id)} (from ${plan.value.startDate}` +
        `${plan.value.endDate === undefined ? '' : ` to ${plan.value.endDate}`}, by ${plan.value.period}) has no period starting in that month`,
    ]);
  }
  try {
    const statement = buildStatement({
      plan: plan.value,
      links: links.value,
      worklogs: worklogs.value,
      period,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      closedPeriods: closed.value,
    });
    const view = { statement, plan: plan.value, authorNames: authorNamesOf(worklogs.value) };
    return { exitCode: 0, output: formatters[options.format](view) };
  } catch (error) {
    if (error instanceof LedgerInputError) {
      const path = error.field.startsWith('closedPeriods') && options.closedPath !== undefined ? options.closedPath : options.worklogsPath;
      return failed([`${path}: ${error.message}`]);
    }
    throw error;
  }
}
