import { parseArgs } from 'node:util';
import { jiraTimestampSchema } from '../input/fields';
import { type Instant, parseJiraInstant } from '../ledger';
import { closestName } from './closest-name';

const outputFormats = ['json', 'csv', 'text'] as const;
export type OutputFormat = (typeof outputFormats)[number];

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

export type Invocation =
  | { readonly command: 'help' }
  | { readonly command: 'statement'; readonly options: StatementOptions }
  | { readonly command: 'invalid'; readonly message: string };

const statementFlags = {
  plan: { type: 'string' },
  links: { type: 'string' },
  worklogs: { type: 'string' },
  period: { type: 'string' },
  'as-of': { type: 'string' },
  closed: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FlagName = keyof typeof statementFlags;
type StringFlag = { [Name in FlagName]: (typeof statementFlags)[Name]['type'] extends 'string' ? Name : never }[FlagName];

const commands = ['statement', 'help'] as const;

const periodLabelShape = /^\d{4}-(0[1-9]|1[0-2])$/;

function isOutputFormat(text: string): text is OutputFormat {
  return outputFormats.some((format) => format === text);
}

function isFlagName(name: string): name is FlagName {
  return Object.hasOwn(statementFlags, name);
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
function readFlags(args: readonly string[]): ReadFlags | { readonly problem: string } {
  const { tokens } = parseArgs({ args: [...args], options: statementFlags, allowPositionals: true, strict: false, tokens: true });
  const strings: Partial<Record<StringFlag, string>> = {};
  const positionals: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, rawName, value, inlineValue } = token;
    if (!isFlagName(name)) return { problem: `unknown option ${rawName}${suggestion(name, Object.keys(statementFlags), '--')}` };
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

function readStatementFlags(args: readonly string[]): Invocation {
  const read = readFlags(args);
  if ('problem' in read) return invalid(read.problem);
  if (read.help) return { command: 'help' };
  if (read.positionals.length > 0) return invalid(`unexpected argument ${JSON.stringify(read.positionals[0])}`);
  const { plan, links, worklogs, period, format = 'json', closed } = read.strings;
  const asOfText = read.strings['as-of'];
  if (plan === undefined) return invalid('--plan is required');
  if (links === undefined) return invalid('--links is required');
  if (worklogs === undefined) return invalid('--worklogs is required');
  if (period === undefined) return invalid('--period is required');
  if (!periodLabelShape.test(period)) return invalid(`--period must be a month written YYYY-MM, not ${JSON.stringify(period)}`);
  if (!isOutputFormat(format)) return invalid(`--format must be one of ${outputFormats.join(', ')}, not ${JSON.stringify(format)}`);
  if (asOfText !== undefined && !jiraTimestampSchema.safeParse(asOfText).success) {
    return invalid(`--as-of must be a timestamp with an offset, e.g. 2026-10-20T12:00:00Z, not ${JSON.stringify(asOfText)}`);
  }
  const options = {
    planPath: plan,
    linksPath: links,
    worklogsPath: worklogs,
    periodLabel: period,
    format,
    ...(closed === undefined ? {} : { closedPath: closed }),
  };
  return { command: 'statement', options: asOfText === undefined ? options : { ...options, asOf: parseJiraInstant(asOfText, '--as-of') } };
}

/** Reads the command line (without `node` and the script) into what to do. */
export function parseInvocation(args: readonly string[]): Invocation {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command !== 'statement') return invalid(`unknown command ${JSON.stringify(command)}${suggestion(command, commands, '')}`);
  return readStatementFlags(rest);
}
