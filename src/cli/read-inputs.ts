import { type InputResult, parseClosedStatements, parseLinks, parsePlan, parseWorklogs } from '../input';
import type { ClosedPeriod, IssueLink, JiraWorklog, Plan } from '../ledger';
import { formatInputIssues } from './format-issues';
import { loadJsonDocument } from './load-document';

export type CommandOutcome =
  | { readonly exitCode: 0; readonly output: string; readonly warnings: readonly string[] }
  | { readonly exitCode: 1; readonly errors: readonly string[] };

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };

/** Loads one JSON input file and checks it; problems name the file. */
export function readInput<T>(path: string, parse: (document: unknown) => InputResult<T>): Checked<T> {
  const loaded = loadJsonDocument(path);
  if (!loaded.ok) return { ok: false, errors: [loaded.message] };
  const parsed = parse(loaded.document);
  return parsed.ok ? parsed : { ok: false, errors: formatInputIssues(path, parsed.issues) };
}

export function failed(errors: readonly string[]): CommandOutcome {
  return { exitCode: 1, errors };
}

export interface InputPaths {
  readonly planPath: string;
  readonly linksPath: string;
  readonly worklogsPath: string;
  readonly closedPath?: string;
}

export interface LedgerFiles {
  readonly plan: Plan;
  readonly links: readonly IssueLink[];
  readonly worklogs: readonly JiraWorklog[];
  readonly closedPeriods: readonly ClosedPeriod[];
}

/** The plan, links, worklogs and closed statements files, each checked; every problem of every file when any has one. */
export function readLedgerFiles(paths: InputPaths): Checked<LedgerFiles> {
  const plan = readInput(paths.planPath, parsePlan);
  const planOption = plan.ok ? { planId: plan.value.id } : {};
  const links = readInput(paths.linksPath, (document) => parseLinks(document, planOption));
  const worklogs = readInput(paths.worklogsPath, parseWorklogs);
  const closed =
    paths.closedPath === undefined ? { ok: true as const, value: [] } : readInput(paths.closedPath, (document) => parseClosedStatements(document, planOption));
  if (!plan.ok || !links.ok || !worklogs.ok || !closed.ok) {
    return { ok: false, errors: [plan, links, worklogs, closed].flatMap((input) => (input.ok ? [] : input.errors)) };
  }
  return { ok: true, value: { plan: plan.value, links: links.value, worklogs: worklogs.value, closedPeriods: closed.value } };
}

/** The input file a ledger error's field (`plan.extraRateMinor`, `closedPeriods[0]…`, `worklogs[id=1].started`) comes from. */
export function fileOfField(field: string, paths: InputPaths): string {
  if (field === 'plan' || field.startsWith('plan.')) return paths.planPath;
  if (field.startsWith('closedPeriods') && paths.closedPath !== undefined) return paths.closedPath;
  return paths.worklogsPath;
}
