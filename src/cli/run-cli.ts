import { parseInvocation } from './arguments';
import { runAdviseCommand } from './advise-command';
import type { CommandOutcome } from './read-inputs';
import { runStatementCommand } from './statement-command';
import { usage } from './usage';

export interface Terminal {
  readonly writeOut: (text: string) => void;
  readonly writeError: (text: string) => void;
  /** The current instant, for `advise` without `--as-of`; absent: the system clock. */
  readonly now?: () => number;
}

const exitCodes = { ok: 0, badInput: 1, usage: 2 } as const;

/** Runs one command line and returns the process's exit code; output goes to stdout only when everything succeeded, warnings to stderr. */
export function runCli(args: readonly string[], terminal: Terminal): number {
  const invocation = parseInvocation(args);
  switch (invocation.command) {
    case 'help':
      terminal.writeOut(usage);
      return exitCodes.ok;
    case 'invalid':
      terminal.writeError(`support-hours: ${invocation.message}\nRun it with --help for usage.\n`);
      return exitCodes.usage;
    case 'statement':
      return report(runStatementCommand(invocation.options), terminal);
    case 'advise':
      return report(runAdviseCommand(invocation.options, (terminal.now ?? Date.now)()), terminal);
  }
}

/** Output on stdout only when the command succeeded; errors and warnings on stderr. */
function report(outcome: CommandOutcome, terminal: Terminal): number {
  const lines = (messages: readonly string[]) => messages.map((message) => `${message}\n`).join('');
  if (outcome.exitCode !== 0) {
    terminal.writeError(lines(outcome.errors));
    return exitCodes.badInput;
  }
  if (outcome.warnings.length > 0) terminal.writeError(lines(outcome.warnings));
  terminal.writeOut(outcome.output);
  return exitCodes.ok;
}
