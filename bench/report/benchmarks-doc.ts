/**
 * docs/benchmarks.md as data: the machine of the latest run at the top, then one section per
 * suite in the registry's order. A run replaces the sections of the suites it ran and keeps the
 * others as they were, each with its own date and machine. Sections are delimited by HTML
 * comments, which Markdown does not show:
 *
 *   <!-- suite:ledger machine="…" -->   heading and summary, regenerated on every write
 *   <!-- suite:ledger:measured -->      what the run measured, kept until the suite runs again
 *   <!-- /suite:ledger -->
 *
 * A suite never measured has no machine and no measured part, only its heading and a hint.
 */
import type { Suite } from '../suites';
import { machineFingerprint, type Machine } from './machine';

/** One suite's stored result: the fingerprint of the machine it ran on and its measured text. */
export interface SuiteResult {
  readonly machine: string;
  readonly measured: string;
}

/** What the runner knows after one suite ran. */
export interface SuiteRun {
  readonly finishedAt: Date;
  readonly durationMs: number;
  readonly loadAverage: readonly number[];
  readonly exitCode: number;
  /** The suite's Markdown report (from `reportMarkdown`). */
  readonly report: string;
  /** The last lines the suite wrote to stderr, shown when it failed. */
  readonly errorTail: readonly string[];
}

export interface BenchmarksDocument {
  readonly machine: Machine;
  readonly updatedAt: Date;
  readonly suites: readonly Suite[];
  readonly results: ReadonlyMap<string, SuiteResult>;
}

const SECTION = /<!-- suite:([a-z0-9-]+) machine="([^"]*)" -->\n[\s\S]*?<!-- suite:\1:measured -->\n([\s\S]*?)<!-- \/suite:\1 -->/g;

/** The stored results of an existing docs/benchmarks.md (none for an empty or foreign text). */
export function parseResults(markdown: string): Map<string, SuiteResult> {
  return new Map([...markdown.matchAll(SECTION)].map((match) => [match[1] ?? '', { machine: match[2] ?? '', measured: match[3] ?? '' }]));
}

/** `2026-12-03 01:31 UTC` */
export function utcMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 90 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** The measured text of one run: when, how long, the load, the outcome, then the suite's own report. */
export function resultOf(run: SuiteRun, machine: Machine): SuiteResult {
  const outcome = run.exitCode === 0 ? 'every target met' : `**failed or missed a target** (exit code ${run.exitCode})`;
  const failure =
    run.exitCode === 0 || run.errorTail.length === 0 ? [] : ['The end of its error output:', ['```', ...run.errorTail, '```'].join('\n')];
  const report = run.report.trim() === '' ? ['*The suite reported nothing.*'] : [run.report.trim()];
  const blocks = [
    `Measured ${utcMinute(run.finishedAt)} in ${duration(run.durationMs)}, load average ${run.loadAverage.map((load) => load.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end; ${outcome}.`,
    ...failure,
    ...report,
  ];
  return { machine: machineFingerprint(machine), measured: `${blocks.join('\n\n')}\n` };
}

function section(suite: Suite, result: SuiteResult | undefined, currentMachine: string): string {
  const head = [`## ${suite.name}`, `${suite.summary.charAt(0).toUpperCase()}${suite.summary.slice(1)}.`];
  if (result === undefined) {
    return [`<!-- suite:${suite.name} -->`, `${[...head, `Not measured yet: run \`npm run bench -- ${suite.name}\`.`].join('\n\n')}\n`, `<!-- /suite:${suite.name} -->`].join('\n');
  }
  if (result.machine !== currentMachine) head.push(`Measured on a different machine: ${result.machine}.`);
  return [
    `<!-- suite:${suite.name} machine="${result.machine}" -->`,
    `${head.join('\n\n')}\n`,
    `<!-- suite:${suite.name}:measured -->`,
    `${result.measured}<!-- /suite:${suite.name} -->`,
  ].join('\n');
}

export function renderBenchmarks(document: BenchmarksDocument): string {
  const { machine } = document;
  const fingerprint = machineFingerprint(machine);
  const header = [
    '# Benchmarks',
    '<!-- Written by `npm run bench` (bench/index.ts). Do not edit by hand: run the suites again. -->',
    'Written by `npm run bench`, which runs every suite in `bench/` in its own Node process (`npm run bench -- --help` lists them; `npm run bench -- ledger sync` runs some and replaces only their sections). A suite exits non-zero when it misses a target. Wall times depend on what else the machine was doing: each section gives the load average.',
    `Last written ${utcMinute(document.updatedAt)}, on this machine:`,
    [
      '| | |',
      '| --- | --- |',
      `| CPU | ${machine.cpu} |`,
      `| cores | ${machine.cores} |`,
      `| memory | ${machine.memory} |`,
      `| Node | ${machine.node} |`,
      `| OS | ${machine.os} |`,
    ].join('\n'),
    `Suites: ${document.suites.map((suite) => `[${suite.name}](#${suite.name})`).join(' · ')}`,
  ];
  const sections = document.suites.map((suite) => section(suite, document.results.get(suite.name), fingerprint));
  return `${[...header, ...sections].join('\n\n')}\n`;
}
