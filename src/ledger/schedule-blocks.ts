import { addDays, parseLocalDate, startOfLocalDate } from './local-date';
import type { Instant, Plan, PrepaidBlock } from './types';

/** A prepaid block placed in time. */
export interface ScheduledBlock {
  readonly block: PrepaidBlock;
  /** Start of the purchase date: usable from here, charged in the period containing it. */
  readonly purchasedAt: Instant;
  /** End of the expiry date (exclusive); null: never expires. */
  readonly expiresAt: Instant | null;
}

/**
 * The prepaid blocks of every term version of the plan in purchase order (purchase date, then
 * version, then their order in it), with their purchase and expiry instants in the plan's time
 * zone. A block is dated, so it is charged and usable by its own dates whatever the terms.
 *
 * @example
 * scheduleBlocks(plan)[0]?.expiresAt // start of the day after the first block's expiresOn
 */
export function scheduleBlocks(plan: Plan): ScheduledBlock[] {
  if (plan.kind !== 'buckets') return [];
  const listed = [
    ...plan.blocks.map((block, position) => ({ block, field: `plan.blocks[${position}]` })),
    ...(plan.amendments ?? []).flatMap((amendment, version) =>
      amendment.blocks.map((block, position) => ({ block, field: `plan.amendments[${version}].blocks[${position}]` })),
    ),
  ];
  const scheduled = listed.map(({ block, field }) => {
    const purchasedAt = startOfLocalDate(parseLocalDate(block.purchasedOn, `${field}.purchasedOn`), plan.timeZone);
    const expiresAt =
      block.expiresOn === undefined
        ? null
        : startOfLocalDate(addDays(parseLocalDate(block.expiresOn, `${field}.expiresOn`), 1), plan.timeZone);
    return { block, purchasedAt, expiresAt };
  });
  // Array.prototype.sort is stable, so blocks bought the same day keep the plan's order.
  return scheduled.sort((a, b) => a.purchasedAt - b.purchasedAt);
}
