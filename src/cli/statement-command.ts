import { type InputResult, parseClosedStatements, parseLinks, parsePlan, parseWorklogs } from '../input';
import { type IssueLink, type JiraWorklog, LedgerInputError, type Period, buildStatement, periodByLabel, readJiraInstant } from '../ledger';
import type { OutputFormat, StatementOptions } from './arguments';
import { formatInputIssues } from './format-issues';
import { formatStatementCsv } from './format-csv';
import { formatStatementJson } from './format-json';
import { formatStatementText } from './format-text';
import { loadJsonDocument } from './load-document';
import { type StatementView, authorNamesOf } from './statement-view';

export type CommandOutcome =
  | { readonly exitCode: 0; readonly output: string; readonly warnings: readonly string[] }
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

/**
 * A links file that links none of the period's worklogs is most likely the wrong file (or another plan's):
 * the statement is then empty without saying why.
 */
function unlinkedWarnings(links: readonly IssueLink[], worklogs: readonly JiraWorklog[], period: Period, options: StatementOptions): string[] {
  const linkedIssues = new Set(links.map((link) => link.issueId));
  const inPeriod = worklogs.filter((worklog) => {
    const started = readJiraInstant(worklog.started);
    return started !== null && started >= period.start && started < period.end;
  });
  const worklogCount = new Set(inPeriod.map((worklog) => worklog.id)).size;
  if (worklogCount === 0 || inPeriod.some((worklog) => linkedIssues.has(worklog.issueId))) return [];
  return [
    `warning: 0 of ${worklogCount} worklogs are on issues linked to this plan ` +
      `(the worklogs of ${period.label} in ${options.worklogsPath}, the links in ${options.linksPath})`,
  ];
}

/** The input file a ledger error's field (`plan.extraRateMinor`, `closedPeriods[0]…`, `worklogs[id=1].started`) comes from. */
function fileOfField(field: string, options: StatementOptions): string {
  if (field === 'plan' || field.startsWith('plan.')) return options.planPath;
  if (field.startsWith('closedPeriods') && options.closedPath !== undefined) return options.closedPath;
  return options.worklogsPath;
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
    return { exitCode: 0, output: formatters[options.format](view), warnings: unlinkedWarnings(links.value, worklogs.value, period, options) };
  } catch (error) {
    if (error instanceof LedgerInputError) return failed([`${fileOfField(error.field, options)}: ${error.message}`]);
    throw error;
  }
}
