import { type IssueLink, type JiraWorklog, LedgerInputError, type Period, buildStatement, periodByLabel, readJiraInstant } from '../ledger';
import type { OutputFormat, StatementOptions } from './arguments';
import { formatStatementCsv } from './format-csv';
import { formatStatementJson } from './format-json';
import { formatStatementText } from './format-text';
import { type CommandOutcome, failed, fileOfField, readLedgerFiles } from './read-inputs';
import { type StatementView, authorNamesOf } from './statement-view';

const formatters: Record<OutputFormat, (view: StatementView) => string> = {
  json: formatStatementJson,
  csv: formatStatementCsv,
  text: formatStatementText,
};

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

/** Reads and checks the three input files (four with `--closed`), then computes and formats the statement; any problem means no output at all. */
export function runStatementCommand(options: StatementOptions): CommandOutcome {
  const files = readLedgerFiles(options);
  if (!files.ok) return failed(files.errors);
  const { plan, links, worklogs, closedPeriods } = files.value;
  const period = periodByLabel(plan, options.periodLabel);
  if (period === null) {
    return failed([
      `--period ${options.periodLabel}: plan ${JSON.stringify(plan.id)} (from ${plan.startDate}` +
        `${plan.endDate === undefined ? '' : ` to ${plan.endDate}`}, by ${plan.period}) has no period starting in that month`,
    ]);
  }
  try {
    const statement = buildStatement({
      plan,
      links,
      worklogs,
      period,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      closedPeriods,
    });
    const view = { statement, plan, authorNames: authorNamesOf(worklogs) };
    return { exitCode: 0, output: formatters[options.format](view), warnings: unlinkedWarnings(links, worklogs, period, options) };
  } catch (error) {
    if (error instanceof LedgerInputError) return failed([`${fileOfField(error.field, options)}: ${error.message}`]);
    throw error;
  }
}
