import { formatHours } from '@quantities/index';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { burnSeries, elapsedDays } from './burn-series';
import type { StatementSummary } from './statement-pages';

const WIDTH = 640;
const HEIGHT = 220;
const PADDING = 32;

/** Cumulative covered use by day against the available hours, with the forecast to the period's end. */
export function BurnChart({ statement }: { statement: StatementSummary }) {
  const { locale } = useSurfaceContext();
  const { period, forecast, availableSeconds } = statement;
  const series = burnSeries(statement.dailyCoveredSeconds);
  const shownDays = forecast === null ? series.length : elapsedDays(period.start, period.end, forecast.asOf);
  const used = series.slice(0, Math.max(1, shownDays));
  const top = Math.max(availableSeconds, forecast?.projectedUseSeconds ?? 0, ...series, 3600);
  const x = (day: number) => PADDING + (day / series.length) * (WIDTH - 2 * PADDING);
  const y = (seconds: number) => HEIGHT - PADDING - (seconds / top) * (HEIGHT - 2 * PADDING);
  const points = [0, ...used].map((seconds, day) => `${x(day).toFixed(1)},${y(seconds).toFixed(1)}`);
  const usedPath = `M${points.join(' L')}`;
  const lastUsed = used.at(-1) ?? 0;
  const summary = `${formatHours(lastUsed, locale)} used of ${formatHours(availableSeconds, locale)} available${
    forecast === null ? '' : `; ${formatHours(forecast.projectedUseSeconds, locale)} projected by the period's end`
  }.`;
  return (
    <figure className="sh-burn">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Burn chart for ${period.label}: ${summary}`} width="100%">
        <line x1={PADDING} x2={WIDTH - PADDING} y1={y(availableSeconds)} y2={y(availableSeconds)} className="sh-burn-available" />
        <line x1={PADDING} x2={PADDING} y1={PADDING} y2={HEIGHT - PADDING} className="sh-burn-axis" />
        <line x1={PADDING} x2={WIDTH - PADDING} y1={HEIGHT - PADDING} y2={HEIGHT - PADDING} className="sh-burn-axis" />
        <path d={usedPath} className="sh-burn-used" />
        {forecast === null ? null : (
          <line x1={x(used.length)} y1={y(lastUsed)} x2={x(series.length)} y2={y(forecast.projectedUseSeconds)} className="sh-burn-forecast" />
        )}
        <text x={WIDTH - PADDING} y={y(availableSeconds) - 4} textAnchor="end" className="sh-burn-label">
          Available {formatHours(availableSeconds, locale)}
        </text>
      </svg>
      <figcaption className="sh-subtle">{summary}</figcaption>
    </figure>
  );
}
