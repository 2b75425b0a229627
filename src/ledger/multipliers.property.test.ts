import fc from 'fast-check';
import { buildStatement } from './build-statement';
import { canonicalJson } from './canonical-json';
import { chargeWorklog } from './charge-worklog';
import { multipliedScenarioArb, multipliersArb } from '../../test/support/ledger-arbitraries';
import type { MultiplierRule, Plan } from './types';

/** A fixed seed: the same cases on every run; few runs, as every run replays a plan. */
const RUNS = { numRuns: 60, seed: 20261203 };

/** The plan's rules at ×1 that leave overage at the plan's rate: rules that change nothing. */
const neutral = (plan: Plan): Plan => ({
  ...plan,
  multipliers: (plan.multipliers ?? []).map(({ overageRateMinor: _rate, ...rule }): MultiplierRule => ({ ...rule, factorPermille: 1000 })),
});

/** The plan's rules at ×1, each keeping its overage rate. */
const atFactorOne = (plan: Plan): Plan => ({ ...plan, multipliers: (plan.multipliers ?? []).map((rule) => ({ ...rule, factorPermille: 1000 })) });

const withoutMultipliers = ({ multipliers: _rules, ...plan }: Plan): Plan => plan;

describe('multiplier properties', () => {
  it('with factor ×1 everywhere (and the plan\'s overage rate) gives today\'s statements byte for byte', () => {
    fc.assert(
      fc.property(multipliedScenarioArb, (scenario) => {
        const today = buildStatement({ ...scenario, plan: withoutMultipliers(scenario.plan), links: scenario.links.map(({ attributes: _a, ...link }) => link) });
        expect(canonicalJson(buildStatement({ ...scenario, plan: neutral(scenario.plan) }))).toBe(canonicalJson(today));
        // Rules at ×1 with overage rates of their own change only the rate of that overage, never a second.
        const atOne = buildStatement({ ...scenario, plan: atFactorOne(scenario.plan) });
        expect(atOne.lines.map(({ chargedSeconds: _c, segments: _s, ...line }) => line)).toEqual(today.lines);
      }),
      RUNS,
    );
  });

  it('only ever increases charged seconds, line by line and in total', () => {
    fc.assert(
      fc.property(multipliedScenarioArb, (scenario) => {
        const multiplied = buildStatement(scenario);
        const plain = buildStatement({ ...scenario, plan: neutral(scenario.plan) });
        const billed = (line: { coveredSeconds: number; extraSeconds: number }) => line.coveredSeconds + line.extraSeconds;
        expect(multiplied.lines.map((line) => line.worklogId)).toEqual(plain.lines.map((line) => line.worklogId));
        multiplied.lines.forEach((line, index) => {
          const before = plain.lines[index];
          expect(before && billed(line) >= billed(before)).toBe(true);
          expect([line.rawSeconds, line.roundedSeconds]).toEqual([before?.rawSeconds, before?.roundedSeconds]);
          if (line.chargedSeconds !== undefined) expect(line.chargedSeconds).toBeGreaterThanOrEqual(line.roundedSeconds);
        });
        expect(multiplied.usedCoveredSeconds + multiplied.extraSeconds).toBeGreaterThanOrEqual(plain.usedCoveredSeconds + plain.extraSeconds);
      }),
      RUNS,
    );
  });

  it('splits a worklog into segments that join back into its logged and rounded seconds, each charged its factor', () => {
    fc.assert(
      fc.property(multipliedScenarioArb, (scenario) => {
        for (const line of buildStatement(scenario).lines) {
          const { segments } = line;
          if (segments === undefined) continue;
          expect(segments.reduce((sum, segment) => sum + segment.rawSeconds, 0)).toBe(line.rawSeconds);
          expect(segments.reduce((sum, segment) => sum + segment.roundedSeconds, 0)).toBe(line.roundedSeconds);
          expect(segments.reduce((sum, segment) => sum + segment.chargedSeconds, 0)).toBe(line.chargedSeconds);
          expect(line.coveredSeconds + line.extraSeconds).toBe(line.chargedSeconds);
          segments.forEach((segment, index) => {
            expect(segment.started).toBe(line.started + segments.slice(0, index).reduce((sum, s) => sum + s.rawSeconds, 0) * 1000);
            expect(segment.chargedSeconds).toBe(Math.floor((segment.roundedSeconds * segment.factorPermille + 500) / 1000));
          });
        }
      }),
      RUNS,
    );
  });

  it('prices the same seconds at each factor when a window is split in two at any time and joined again', () => {
    const splitArb = fc.record({
      rules: multipliersArb,
      days: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, { minLength: 1 }),
      from: fc.integer({ min: 0, max: 1439 }),
      length: fc.integer({ min: 2, max: 1440 }),
      cut: fc.integer({ min: 1, max: 1439 }),
      startedMinute: fc.integer({ min: 0, max: 14 * 24 * 60 }),
      seconds: fc.integer({ min: 1, max: 30 * 3600 }),
      timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
    });
    const clock = (minute: number) => `${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(splitArb, ({ rules, days, from, length, cut, startedMinute, seconds, timeZone }) => {
        const middle = from + Math.min(cut, length - 1);
        const window = (name: string, start: number, end: number): MultiplierRule => ({
          name,
          when: { kind: 'time-window', days, from: clock(start), to: clock(end) },
          factorPermille: 1750,
        });
        const whole = [window('whole', from, from + length), ...rules];
        // The second half starts on the next day when the cut is past midnight: only then are its days the next ones.
        if (Math.floor(middle / 1440) > 0) return;
        const halves = [window('first', from, middle), window('second', middle, from + length), ...rules];
        const work = { started: Date.UTC(2026, 2, 20) + startedMinute * 60_000, rawSeconds: seconds, roundedSeconds: seconds };
        const byFactor = (rulesUsed: readonly MultiplierRule[]) => {
          const seconds = new Map<number, number>();
          for (const segment of chargeWorklog(work, rulesUsed, { priority: 'P1', issueType: 'Bug' }, timeZone)?.segments ?? []) {
            seconds.set(segment.factorPermille, (seconds.get(segment.factorPermille) ?? 0) + segment.rawSeconds);
          }
          return [...seconds].sort(([a], [b]) => a - b);
        };
        expect(byFactor(halves)).toEqual(byFactor(whole));
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});
