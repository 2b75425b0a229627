import { parseArgs } from 'node:util';
import { jiraTimestampSchema } from '../input/fields';
import { type Instant, parseJiraInstant } from '../ledger';
import { isNodeError } from './node-error';

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
  format: { type: 'string', default: 'json' },
  help: { type: 'boolean', short: 'h' },
} as const;

const periodLabelShape = /^\d{4}-(0[1-9]|1[0-2])$/;

function isOutputFormat(text: string): text is OutputFormat {
  return outputFormats.some((format) => format === text);
}

function invalid(message: string): Invocation {
  return { command: 'invalid', message };
}

function readStatementFlags(args: readonly string[]): Invocation {
  const { values, positionals } = parseArgs({ args: [...args], options: statementFlags, allowPositionals: true, strict: true });
  if (values.help === true) return { command: 'help' };
  if (positionals.length > 0) return invalid(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const { plan, links, worklogs, period, format } = values;
  const asOfText = values['as-of'];
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
    ...(values.closed === undefined ? {} : { closedPath: values.closed }),
  };
  return { command: 'statement', options: asOfText === undefined ? options : { ...options, asOf: parseJiraInstant(asOfText, '--as-of') } };
}

/** Reads the command line (without `node` and the script) into what to do. */
export function parseInvocation(args: readonly string[]): Invocation {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command !== 'statement') return invalid(`unknown command ${JSON.stringify(command)}`);
  try {
    return readStatementFlags(rest);
  } catch (error) {
    if (isNodeError(error) && error.code.startsWith('ERR_PARSE_ARGS')) return invalid(error.message);
    throw error;
  }
}
