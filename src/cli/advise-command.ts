import { candidateKindIssues, parseCandidates } from '../input';
import { adviceFigures, advisePlan, buildHistory, completePeriods, type Instant, LedgerInputError } from '../ledger';
import type { AdviceFormat, AdviseOptions } from './arguments';
import { type AdviceView, formatAdviceJson, formatAdviceText } from './format-advice';
import { formatInputIssues } from './format-issues';
import { localDateTime } from './quantities';
import { type CommandOutcome, failed, fileOfField, readInput, readLedgerFiles } from './read-inputs';

const formatters: Record<AdviceFormat, (view: AdviceView) => string> = { json: formatAdviceJson, text: formatAdviceText };

/**
 * Reads and checks the input files and the candidates, replays the plan's last complete periods under each candidate
 * and formats the comparison; any problem means no output at all.
 *
 * @param now the instant periods must have ended by when `--as-of` is not given
 */
export function runAdviseCommand(options: AdviseOptions, now: Instant): CommandOutcome {
  const files = readLedgerFiles(options);
  const candidates = readInput(options.candidatesPath, parseCandidates);
  if (!files.ok || !candidates.ok) return failed([files, candidates].flatMap((input) => (input.ok ? [] : input.errors)));
  const { plan, links, worklogs, closedPeriods } = files.value;
  const kindIssues = candidateKindIssues(plan, candidates.value);
  if (kindIssues.length > 0) return failed(formatInputIssues(options.candidatesPath, kindIssues));
  const asOf = options.asOf ?? now;
  const periods = completePeriods(plan, asOf, options.periods);
  const [first, last] = [periods[0], periods.at(-1)];
  if (first === undefined || last === undefined) {
    return failed([`plan ${JSON.stringify(plan.id)} (from ${plan.startDate}, by ${plan.period}) has no period that ended by ${localDateTime(asOf, plan.timeZone)} (${plan.timeZone}): nothing to advise on`]);
  }
  try {
    const statements = buildHistory({ plan, links, worklogs, closedPeriods, throughPeriod: last }).slice(first.index);
    const figures = adviceFigures(advisePlan({ plan, statements, candidates: candidates.value }));
    const warnings =
      periods.length < options.periods ? [`warning: plan ${JSON.stringify(plan.id)} has ${periods.length} complete ${plan.period}s, not ${options.periods}: the advice covers those`] : [];
    return { exitCode: 0, output: formatters[options.format]({ plan, asOf, figures }), warnings };
  } catch (error) {
    if (error instanceof LedgerInputError) {
      const file = error.field.startsWith('candidates') ? options.candidatesPath : fileOfField(error.field, options);
      return failed([`${file}: ${error.message}`]);
    }
    throw error;
  }
}
