import { canonicalJson } from './canonical-json';
import type { PreparedLedger } from './replay-ledger';

/**
 * Everything the replay of the prepared period at `position` depends on besides the checkpoint
 * it opens with, as text: its bounds, the terms in force, the plan's end (rollover lots expire by
 * it), the blocks bought before its end, and each entry's figures (worklog, issue, start, billing
 * class, seconds, and segments where multipliers applied). Other term versions, the plan's name and its alert recipients are left out:
 * they price nothing in the period. Two replays of a period from equal checkpoints over equal texts give the same
 * lines, balances, charges and closing checkpoint, so a hash of it tells whether a closed period's
 * statement can have changed since it was last settled. Issue keys, summaries and authors are left
 * out too: they change no figure.
 *
 * @example
 * periodReplayInputs(prepared, 3) === periodReplayInputs(preparedAgain, 3) // then no figure of period 3 can differ
 */
export function periodReplayInputs(prepared: PreparedLedger, position: number): string {
  const period = prepared.periods[position];
  if (period === undefined) throw new RangeError(`periodReplayInputs: no prepared period at ${position}`);
  const terms = prepared.terms[position];
  if (terms === undefined) throw new RangeError(`periodReplayInputs: no terms at ${position}`);
  // The name, alert recipients and other versions price nothing here; blocks are listed below.
  const { name: _name, alertRecipients: _recipients, amendments: _amendments, ...pricing } = terms.plan;
  const head = canonicalJson({
    period: { index: period.index, label: period.label, start: period.start, end: period.end },
    terms: { version: terms.version, ...pricing, blocks: null },
    planEnd: prepared.calendar.planEnd,
    blocks: prepared.blocks.filter((scheduled) => scheduled.purchasedAt < period.end),
  });
  const entries = (prepared.entriesByPeriod[position] ?? []).map((entry) =>
    JSON.stringify([
      entry.worklogId,
      entry.issueId,
      entry.started,
      entry.billingClass,
      entry.rawSeconds,
      entry.roundedSeconds,
      ...(entry.segments === undefined ? [] : [entry.segments]),
    ]),
  );
  return `${head}\n${entries.join('\n')}`;
}
