/**
 * Stored state is a cache of the ledger: a replay resumed from a stored checkpoint, and figures
 * read at a later instant, equal what the ledger computes from the plan's start.
 */
import fc from 'fast-check';
import { buildStatement } from './build-statement';
import { createPeriodCalendar } from './period-calendar';
import { figuresAsOf, periodFigures, statementFigures } from './period-figures';
import { prepareWorklogs } from './prepare-worklogs';
import { replayLedger } from './replay-ledger';
import { type ReplayCheckpoint, replayPeriod, PLAN_START_CHECKPOINT } from './replay-periods';
import { scheduleBlocks } from './schedule-blocks';
import { DAY, scenarioArb } from '../../test/support/ledger-arbitraries';
import { termsInForce } from './terms-in-force';

const RUNS = { numRuns: 100, seed: 20261203 };
const throughRoundTrip = (checkpoint: ReplayCheckpoint): ReplayCheckpoint => JSON.parse(JSON.stringify(checkpoint)) as ReplayCheckpoint;

describe('materialised ledger state', () => {
  it('a replay resumed from any period boundary, from its checkpoint stored as JSON, equals the replay from the plan start', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ plan, links, worklogs, period }, resumeSeed) => {
        const full = replayLedger(plan, links, worklogs, period, 'period');
        const calendar = createPeriodCalendar(plan);
        const periods = full.periods.map((replay) => replay.period);
        const terms = periods.map((each) => termsInForce(plan, calendar, each.index));
        const prepared = prepareWorklogs(plan, calendar, periods, terms, links, worklogs);
        const blocks = scheduleBlocks(plan);
        const resumeAt = resumeSeed % periods.length;

        const replayAt = (index: number, opening: ReplayCheckpoint) => {
          const [each, eachTerms] = [periods[index], terms[index]];
          if (each === undefined || eachTerms === undefined) throw new RangeError(`no period ${index}`);
          return replayPeriod(calendar, each, eachTerms, prepared.byPeriod[index] ?? [], blocks, opening);
        };
        let checkpoint = PLAN_START_CHECKPOINT;
        for (let index = 0; index < resumeAt; index += 1) checkpoint = replayAt(index, checkpoint).closing;
        checkpoint = throughRoundTrip(checkpoint);
        for (let index = resumeAt; index < periods.length; index += 1) {
          const resumed = replayAt(index, checkpoint);
          expect(resumed).toEqual(full.periods[index]);
          checkpoint = throughRoundTrip(resumed.closing);
        }
      }),
      RUNS,
    );
  });

  it('figures taken at a cutoff and read at any later instant equal the statement built as of that instant', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 40 * DAY }), (scenario, readLater) => {
        const cutoff = scenario.asOf;
        const asOf = cutoff + readLater;
        const stored = JSON.parse(JSON.stringify(periodFigures(buildStatement({ ...scenario, asOf: cutoff }), cutoff))) as ReturnType<typeof periodFigures>;
        expect(figuresAsOf(stored, asOf)).toEqual(statementFigures(buildStatement({ ...scenario, asOf })));
      }),
      RUNS,
    );
  });

  it('refuses to read figures before the cutoff they were taken at', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const statement = buildStatement(scenario);
        const figures = periodFigures(statement, statement.period.end);
        expect(() => figuresAsOf(figures, statement.period.start - 1)).toThrow(RangeError);
      }),
      { ...RUNS, numRuns: 20 },
    );
  });
});
