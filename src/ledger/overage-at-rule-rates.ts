import type { MinorUnits, MultiplierRule, Seconds, WorklogLine } from './types';

/** Overage seconds billed at one multiplier rule rate, and the rules whose work they are, in rule order. */
export interface RuleRateOverage {
  readonly rateMinor: MinorUnits;
  readonly rules: readonly string[];
  readonly seconds: Seconds;
}

/**
 * The overage of the lines priced by rules with their own `overageRateMinor`, one group per rate, in the order of
 * the first rule of each rate. A line's overage is the last of its charged seconds, so it is taken from its latest
 * segments first (its earlier seconds drew on the buckets first).
 *
 * @example
 * // a P1 line (rule rate 20000) of 5400 charged seconds, 1800 of them overage
 * overageAtRuleRates([p1Line], [p1]) // [{ rateMinor: 20000, rules: ['P1 incidents'], seconds: 1800 }]
 */
export function overageAtRuleRates(lines: readonly WorklogLine[], rules: readonly MultiplierRule[] | undefined): RuleRateOverage[] {
  const priced = (rules ?? []).filter((rule) => rule.overageRateMinor !== undefined);
  if (priced.length === 0) return [];
  const secondsByRule = new Map<string, Seconds>();
  for (const line of lines) {
    let remaining = line.overageSeconds;
    for (const segment of [...(line.segments ?? [])].reverse()) {
      if (remaining === 0) break;
      const taken = Math.min(remaining, segment.chargedSeconds);
      remaining -= taken;
      if (segment.rule !== undefined) secondsByRule.set(segment.rule, (secondsByRule.get(segment.rule) ?? 0) + taken);
    }
  }
  const groups = new Map<MinorUnits, { rules: string[]; seconds: Seconds }>();
  for (const rule of priced) {
    const seconds = secondsByRule.get(rule.name) ?? 0;
    if (seconds === 0 || rule.overageRateMinor === undefined) continue;
    const group = groups.get(rule.overageRateMinor) ?? { rules: [], seconds: 0 };
    group.rules.push(rule.name);
    group.seconds += seconds;
    groups.set(rule.overageRateMinor, group);
  }
  return [...groups].map(([rateMinor, group]) => ({ rateMinor, ...group }));
}
