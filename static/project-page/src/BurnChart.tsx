import { formatHours } from '@quantities/index';
import { type KeyboardEvent, type MouseEvent, useRef, useState } from 'react';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { useElementWidth } from '../../shared/hooks/useElementWidth';
import { formatDate, formatDayMonth } from '../../shared/format/dates';
import { type BurnPoint, burnGeometry, type ChartBox } from './burn-geometry';
import type { StatementSummary } from './statement-pages';

const MARGINS = { left: 48, right: 16, top: 20, bottom: 28 } as const;
const HEIGHT = 240;
/** Drawn at the width it is shown at (so its labels keep their size), within these bounds. */
const MIN_WIDTH = 280;
const MAX_WIDTH = 720;

/** Which point the arrow keys, Home and End move to from `index` (null: the key is not the chart's). */
function pointAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(count - 1, index + 1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Cumulative covered use by day against the available hours, with the forecast to the period's end, on a date axis
 * and an hour axis. Each point shows its value on hover and on focus: the chart is one Tab stop, and the arrow keys
 * (Home, End) walk its points. A visually hidden table holds the same figures for screen readers.
 */
interface BurnChartProps {
  readonly statement: StatementSummary;
  /** The plan's zone, which names the days. */
  readonly timeZone: string;
  /** A pay-as-you-go plan has no hours available to draw. */
  readonly showAvailable: boolean;
}

export function BurnChart({ statement, timeZone, showAvailable }: BurnChartProps) {
  const { locale } = useSurfaceContext();
  const plot = useRef<HTMLDivElement>(null);
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, useElementWidth(plot, MAX_WIDTH)));
  const box: ChartBox = { ...MARGINS, width, height: HEIGHT };
  const { period, forecast, availableSeconds } = statement;
  const geometry = burnGeometry({ periodStart: period.start, periodEnd: period.end, dailyCoveredSeconds: statement.dailyCoveredSeconds, availableSeconds, forecast }, box);
  const { points } = geometry;
  const lastUsedIndex = points.filter((point) => point.kind === 'used').length - 1;
  const [active, setActive] = useState<number | null>(null);
  const [rovingIndex, setRovingIndex] = useState(lastUsedIndex);
  const pointElements = useRef<(SVGCircleElement | null)[]>([]);

  const hours = (seconds: number) => formatHours(seconds, locale);
  const dayOf = (instant: number) => formatDate(instant, timeZone, locale);
  const describe = (point: BurnPoint) =>
    point.kind === 'used' ? `${dayOf(point.dayInstant)}: ${hours(point.seconds)} used` : `Projected by the period's end (${dayOf(point.dayInstant)}): ${hours(point.seconds)}`;
  const lastUsed = points[lastUsedIndex]?.seconds ?? 0;
  const summary = `${hours(lastUsed)} used${showAvailable ? ` of ${hours(availableSeconds)} available` : ''}${
    forecast === null ? '' : `; ${hours(forecast.projectedUseSeconds)} projected by the period's end`
  }.`;

  const moveTo = (index: number) => {
    setRovingIndex(index);
    setActive(index);
    pointElements.current[index]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key === 'Escape') {
      setActive(null);
      return;
    }
    const next = pointAfterKey(event.key, active ?? rovingIndex, points.length);
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };
  const onMouseMove = (event: MouseEvent<SVGSVGElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - bounds.left) / bounds.width) * box.width;
    let nearest = 0;
    points.forEach((point, index) => {
      if (Math.abs(point.cx - x) < Math.abs((points[nearest]?.cx ?? 0) - x)) nearest = index;
    });
    setActive(nearest);
  };
  const shown = active === null ? undefined : points[active];

  return (
    <figure className="sh-burn">
      <div className="sh-burn-plot" ref={plot}>
        <svg
          viewBox={`0 0 ${box.width} ${box.height}`}
          width={box.width}
          height={box.height}
          role="group"
          aria-label={`Burn chart for ${period.label}. Use the arrow keys to read each day.`}
          onKeyDown={onKeyDown}
          onMouseMove={onMouseMove}
          onMouseLeave={() => setActive(null)}
        >
          <g aria-hidden="true">
            {geometry.hourTicks.map((tick) => (
              <g key={tick.value}>
                <line x1={box.left} x2={box.width - box.right} y1={tick.at} y2={tick.at} className="sh-burn-grid" />
                <text x={box.left - 6} y={tick.at + 4} textAnchor="end" className="sh-burn-label">
                  {hours(tick.value)}
                </text>
              </g>
            ))}
            {geometry.dateTicks.map((tick) => (
              <text key={tick.value} x={tick.at} y={box.height - box.bottom + 16} textAnchor="middle" className="sh-burn-label">
                {formatDayMonth(tick.value, timeZone, locale)}
              </text>
            ))}
            <line x1={box.left} x2={box.left} y1={box.top} y2={box.height - box.bottom} className="sh-burn-axis" />
            <line x1={box.left} x2={box.width - box.right} y1={box.height - box.bottom} y2={box.height - box.bottom} className="sh-burn-axis" />
            <line x1={geometry.end.at} x2={geometry.end.at} y1={box.top} y2={box.height - box.bottom} className="sh-burn-end" />
            {/* Inside the plot's lower right corner: above it the available line's label may run. */}
            <text x={geometry.end.at - 4} y={box.height - box.bottom - 6} textAnchor="end" className="sh-burn-label">
              Period ends {formatDayMonth(geometry.end.lastDayInstant, timeZone, locale)}
            </text>
            {showAvailable ? (
              <>
                <line x1={box.left} x2={box.width - box.right} y1={geometry.availableY} y2={geometry.availableY} className="sh-burn-available" />
                <text x={box.left + 6} y={geometry.availableY - 4} className="sh-burn-label">
                  Available {hours(availableSeconds)}
                </text>
              </>
            ) : null}
            <path d={geometry.usedPath} className="sh-burn-used" />
            {geometry.forecastLine === null ? null : <line {...geometry.forecastLine} className="sh-burn-forecast" />}
          </g>
          {points.map((point, index) => (
            <circle
              key={`${point.kind}:${String(point.dayInstant)}`}
              ref={(element) => {
                pointElements.current[index] = element;
              }}
              cx={point.cx}
              cy={point.cy}
              r={active === index ? 5 : 3}
              role="img"
              aria-label={describe(point)}
              tabIndex={index === rovingIndex ? 0 : -1}
              className="sh-burn-point"
              data-kind={point.kind}
              onFocus={() => {
                setRovingIndex(index);
                setActive(index);
              }}
              onBlur={() => setActive(null)}
            />
          ))}
        </svg>
        {shown === undefined ? null : (
          <div
            className="sh-burn-tip"
            aria-hidden="true"
            data-testid="burn-tooltip"
            // Near an edge the tooltip grows inwards, so it stays inside the chart.
            data-align={shown.cx < box.width * 0.25 ? 'start' : shown.cx > box.width * 0.75 ? 'end' : 'middle'}
            style={{ left: `${(shown.cx / box.width) * 100}%`, top: `${(shown.cy / box.height) * 100}%` }}>
            {describe(shown)}
          </div>
        )}
      </div>
      <ul className="sh-burn-legend sh-subtle" aria-hidden="true">
        <li data-line="used">Used</li>
        {forecast === null ? null : <li data-line="forecast">Forecast</li>}
        {showAvailable ? <li data-line="available">Available</li> : null}
      </ul>
      <figcaption className="sh-subtle">{summary}</figcaption>
      <table className="sh-visually-hidden">
        <caption>Hours used by day in {period.label}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Used by the day's end</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={`${point.kind}:${String(point.dayInstant)}`}>
              <th scope="row">{point.kind === 'used' ? dayOf(point.dayInstant) : `Projected by the period's end (${dayOf(point.dayInstant)})`}</th>
              <td>{hours(point.seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
