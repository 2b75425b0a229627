import { parseArgs } from 'node:util';
import { jiraTimestampSchema } from '../input/fields';
import { DEFAULT_ADVICE_PERIODS, MAX_ADVICE_PERIODS } from '../input/limits';
import { type Instant, parseJiraInstant } from '../ledger';
import { closestName } from './closest-name';

const outputFormats = ['json', 'csv', 'text'] as const;
export type OutputFormat = (typeof outputFormats)[number];
const adviceFormats = ['json', 'text'] as const;
export type AdviceFormat = (typeof adviceFormats)[number];

export interface StatementOptions {
  readonly planPath: string;
  readonly linksPath: string;
  readonly worklogsPath: string;
  /** `YYYY-MM`: the period that starts in that month. */
  readonly periodLabel: string;
  readonly asOf?: Instant;
  readonly format: OutputFormat;
  /** Frozen statements of the plan's closed periods (`--format json` output of each), as a JSON array. */
  readonly closedPath?: string;
}

export interface AdviseOptions {
  readonly planPath: string;
  readonly linksPath: string;
  readonly worklogsPath: string;
  readonly candidatesPath: string;
  /** How many of the last complete periods to replay. */
  readonly periods: number;
  /** Periods complete by this instant count; absent: now. */
  readonly asOf?: Instant;
  readonly format: AdviceFormat;
  readonly closedPath?: string;
}

export type Invocation =
  | { readonly command: 'help' }
  | { readonly command: 'statement'; readonly options: StatementOptions }
  | { readonly command: 'advise'; readonly options: AdviseOptions }
  | { readonly command: 'invalid'; readonly message: string };

const allFlags = {
  plan: { type: 'string' },
  links: { type: 'string' },
  worklogs: { type: 'string' },
  period: { type: 'string' },
  periods: { type: 'string' },
  candidates: { type: 'string' },
  'as-of': { type: 'string' },
  closed: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FlagName = keyof typeof allFlags;
type StringFlag = { [Name in FlagName]: (typeof allFlags)[Name]['type'] extends 'string' ? Name : never }[FlagName];

const statementFlags: readonly FlagName[] = ['plan', 'links', 'worklogs', 'period', 'as-of', 'closed', 'format', 'help'];
const adviseFlags: readonly FlagName[] = ['plan', 'links', 'worklogs', 'periods', 'candidates', 'as-of', 'closed', 'format', 'help'];

const commands = ['statement', 'advise', 'help'] as const;

const periodLabelShape = /^\d{4}-(0[1-9]|1[0-2])$/;

function isOutputFormat(text: string): text is OutputFormat {
  return outputFormats.some((format) => format === text);
}

function isAdviceFormat(text: string): text is AdviceFormat {
  return adviceFormats.some((format) => format === text);
}

function invalid(message: string): Invocation {
  return { command: 'invalid', message };
}

/** ` (did you mean --format?)` after a misspelt name, or nothing. */
function suggestion(typed: string, known: readonly string[], prefix: string): string {
  const closest = closestName(typed, known);
  return closest === null ? '' : ` (did you mean ${prefix}${closest}?)`;
}

interface ReadFlags {
  readonly strings: Partial<Record<StringFlag, string>>;
  readonly help: boolean;
  readonly positionals: readonly string[];
}

/**
 * Reads the flags from node's tokens rather than its strict mode, so that every mistake is worded here:
 * node's own messages quote the option unevenly and suggest nothing.
 */
function readFlags(args: readonly string[], known: readonly FlagName[]): ReadFlags | { readonly problem: string } {
  const isFlagName = (name: string): name is FlagName => known.some((flag) => flag === name);
  const { tokens } = parseArgs({ args: [...args], options: allFlags, allowPositionals: true, strict: false, tokens: true });
  const strings: Partial<Record<StringFlag, string>> = {};
  const positionals: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, rawName, value, inlineValue } = token;
    if (!isFlagName(name)) return { problem: `unknown option ${rawName}${suggestion(name, known, '--')}` };
    if (name === 'help') {
      if (value !== undefined) return { problem: `${rawName} takes no value` };
      help = true;
    } else if (value === undefined) {
      return { problem: `${rawName} needs a value` };
    } else if (!inlineValue && value.startsWith('--')) {
      return { problem: `${rawName} needs a value, not the option ${value} (write ${rawName}=${value} for a value that starts with --)` };
    } else {
      strings[name] = value;
    }
  }
  return { strings, help, positionals };
}

/** The flags every command reads: the three input files, the closed statements and the instant. */
interface CommonInputs {
  readonly planPath: string;
  readonly linksPath: string;
  readonly worklogsPath: string;
  readonly closedPath?: string;
  readonly asOf?: Instant;
}

function readCommonFlags(strings: ReadFlags['strings']): CommonInputs | { readonly problem: string } {
  const { plan, links, worklogs, closed } = strings;
  const asOfText = strings['as-of'];
  if (plan === undefined) return { problem: '--plan is required' };
  if (links === undefined) return { problem: '--links is required' };
  if (worklogs === undefined) return { problem: '--worklogs is required' };
  if (asOfText !== undefined && !jiraTimestampSchema.safeParse(asOfText).success) {
    return { problem: `--as-of must be a timestamp with an offset, e.g. 2026-10-20T12:00:00Z, not ${JSON.stringify(asOfText)}` };
  }
  return {
    planPath: plan,
    linksPath: links,
    worklogsPath: worklogs,
    ...(closed === undefined ? {} : { closedPath: closed }),
    ...(asOfText === undefined ? {} : { asOf: parseJiraInstant(asOfText, '--as-of') }),
  };
}

function readCommandFlags(args: readonly string[], known: readonly FlagName[]): { read: ReadFlags; common: CommonInputs } | { invalid: Invocation } {
  const read = readFlags(args, known);
  if ('problem' in read) return { invalid: invalid(read.problem) };
  if (read.help) return { invalid: { command: 'help' } };
  if (read.positionals.length > 0) return { invalid: invalid(`unexpected argument ${JSON.stringify(read.positionals[0])}`) };
  const common = readCommonFlags(read.strings);
  return 'problem' in common ? { invalid: invalid(common.problem) } : { read, common };
}

function readStatementFlags(args: readonly string[]): Invocation {
  const flags = readCommandFlags(args, statementFlags);
  if ('invalid' in flags) return flags.invalid;
  const { period, format = 'json' } = flags.read.strings;
  if (period === undefined) return invalid('--period is required');
  if (!periodLabelShape.test(period)) return invalid(`--period must be a month written YYYY-MM, not ${JSON.stringify(period)}`);
  if (!isOutputFormat(format)) return invalid(`--format must be one of ${outputFormats.join(', ')}, not ${JSON.stringify(format)}`);
  return { command: 'statement', options: { ...flags.common, periodLabel: period, format } };
}

function readAdviseFlags(args: readonly string[]): Invocation {
  const flags = readCommandFlags(args, adviseFlags);
  if ('invalid' in flags) return flags.invalid;
  const { candidates, periods = String(DEFAULT_ADVICE_PERIODS), format = 'json' } = flags.read.strings;
  if (candidates === undefined) return invalid('--candidates is required');
  const count = /^\d{1,3}$/.test(periods) ? Number(periods) : Number.NaN;
  if (!(count >= 1 && count <= MAX_ADVICE_PERIODS)) return invalid(`--periods must be a whole number from 1 to ${MAX_ADVICE_PERIODS}, not ${JSON.stringify(periods)}`);
  if (!isAdviceFormat(format)) return invalid(`--format must be one of ${adviceFormats.join(', ')}, not ${JSON.stringify(format)}`);
  return { command: 'advise', options: { ...flags.common, candidatesPath: candidates, periods: count, format } };
}

/** Reads the command line (without `node` and the script) into what to do. */
export function parseInvocation(args: readonly string[]): Invocation {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === 'statement') return readStatementFlags(rest);
  if (command === 'advise') return readAdviseFlags(rest);
  return invalid(`unknown command ${JSON.stringify(command)}${suggestion(command, commands, '')}`);
}
