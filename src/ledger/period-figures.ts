import { forecastFromProgress } from './forecast-use';
import type { Forecast, Instant, Statement } from './types';
import { type UseProgress, useProgress } from './use-progress';

/** A statement's figures: everything but the lists that grow with the work (lines, breakdowns, late adjustments, out-of-plan worklogs). */
export type StatementFigures = Omit<Statement, 'lines' | 'byIssue' | 'byAuthor' | 'outOfPlan' | 'lateAdjustments'>;

/** How a stored period forecasts: a closed period keeps its frozen forecast; an open one forecasts from its progress at each read's instant. */
export type ForecastBasis =
  | { readonly kind: 'frozen'; readonly forecast: Forecast | null }
  | { readonly kind: 'progress'; readonly progress: UseProgress };

/** A period's figures as stored: of bounded size whatever the period's work, and good for any instant from the cutoff they were taken at through `answerUntil`. */
export interface PeriodFigures extends Omit<StatementFigures, 'forecast'> {
  readonly forecastBasis: ForecastBasis;
}

/** The statement without its growing lists. */
export function statementFigures({ lines: _lines, byIssue: _byIssue, byAuthor: _byAuthor, outOfPlan: _outOfPlan, lateAdjustments: _late, ...figures }: Statement): StatementFigures {
  return figures;
}

/**
 * The statement's figures, to be read at any instant from `cutoff` on.
 *
 * @example
 * figuresAsOf(periodFigures(statement, refreshedAt), now) // equals statementFigures(the statement built asOf now)
 */
export function periodFigures(statement: Statement, cutoff: Instant): PeriodFigures {
  const { forecast, ...figures } = statementFigures(statement);
  const forecastBasis: ForecastBasis =
    statement.closedVersion === null
      ? { kind: 'progress', progress: useProgress(statement.period, statement.lines, statement.availableSeconds, cutoff) }
      : { kind: 'frozen', forecast };
  return { ...figures, forecastBasis };
}

/**
 * The last instant the figures answer for (null: any instant from their cutoff on): an open period's
 * progress keeps a bounded number of start instants of work logged ahead of its cutoff (see `LATER_STARTS_MAX`).
 */
export function answerUntil({ forecastBasis }: PeriodFigures): Instant | null {
  return forecastBasis.kind === 'progress' ? forecastBasis.progress.until : null;
}

/**
 * The figures of the statement built as of `asOf`: the figures a full replay would give.
 *
 * @throws RangeError when `asOf` is before the cutoff the figures were taken at or after `answerUntil` (within the period)
 */
export function figuresAsOf({ forecastBasis, ...figures }: PeriodFigures, asOf: Instant): StatementFigures {
  const forecast =
    forecastBasis.kind === 'frozen' ? forecastBasis.forecast : forecastFromProgress(figures.period, forecastBasis.progress, figures.availableSeconds, asOf);
  return { ...figures, forecast };
}
