/**
 * The burn chart's geometry, without React or a browser: scales, axis ticks, the used line's points, the available
 * line and the forecast. Instants stay instants here; the chart formats them in the plan's time zone.
 */
import { burnSeries, elapsedDays } from './burn-series';

const DAY_MS = 86_400_000;
const HOUR = 3600;
/** Steps the hour axis may take, in hours: the smallest that keeps it to {@link MAX_HOUR_TICKS} intervals wins. */
const HOUR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000];
const MAX_HOUR_TICKS = 5;
/** Room a date label needs along the axis, in the chart's units (which are CSS pixels: the chart is drawn at its width). */
const DATE_LABEL_ROOM = 64;

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room for the hour labels on the left, the date labels below, and the line labels above and right. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface BurnInput {
  readonly periodStart: number;
  readonly periodEnd: number;
  /** Covered seconds of each day of the period (day 0 = its first 24 hours). */
  readonly dailyCoveredSeconds: readonly number[];
  readonly availableSeconds: number;
  /** Null when the period has no forecast (a past period): every day of it is drawn. */
  readonly forecast: { readonly asOf: number; readonly projectedUseSeconds: number } | null;
}

/** One stop of the chart a reader can point at or walk to with the arrow keys. */
export interface BurnPoint {
  readonly kind: 'used' | 'forecast';
  /** The point's centre, in the chart's units. */
  readonly cx: number;
  readonly cy: number;
  /** Covered seconds used by the end of the day (cumulative), or projected by the period's end. */
  readonly seconds: number;
  /** An instant inside the day the point closes (its middle), to name its date in any zone. */
  readonly dayInstant: number;
}

export interface Tick<T> {
  readonly value: T;
  /** Position along the axis: y for hours, x for dates. */
  readonly at: number;
}

export interface BurnGeometry {
  readonly box: ChartBox;
  /** The hour axis' top, a whole number of ticks. */
  readonly topSeconds: number;
  readonly hourTicks: readonly Tick<number>[];
  /** Each tick's instant is the middle of the day that ends at it, like the points: a point sits on its day's tick. */
  readonly dateTicks: readonly Tick<number>[];
  readonly availableY: number;
  /** Where the period ends along the date axis, and an instant inside its last day. */
  readonly end: { readonly at: number; readonly lastDayInstant: number };
  /** The used line, starting at 0 on the period's first instant; then one point per day drawn. */
  readonly usedPath: string;
  readonly points: readonly BurnPoint[];
  readonly forecastLine: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number } | null;
}

/** The smallest step (in seconds) from {@link HOUR_STEPS} that covers `topSeconds` in at most five intervals. */
export function hourStep(topSeconds: number): number {
  const step = HOUR_STEPS.find((hours) => hours * HOUR * MAX_HOUR_TICKS >= topSeconds) ?? Math.ceil(topSeconds / MAX_HOUR_TICKS / HOUR);
  return step * HOUR;
}

/**
 * Days between date ticks, so that at most `maxTicks` labels fit: every day when they all fit, weekly in a month of
 * two weeks or more when a week is step enough, else evenly.
 */
export function dayStep(days: number, maxTicks: number): number {
  const even = Math.ceil(days / Math.max(1, maxTicks));
  return days >= 14 && days <= 31 && even > 1 && even <= 7 ? 7 : even;
}

export function burnGeometry(input: BurnInput, box: ChartBox): BurnGeometry {
  const days = Math.max(1, input.dailyCoveredSeconds.length);
  const series = burnSeries(input.dailyCoveredSeconds);
  const shownDays = input.forecast === null ? series.length : elapsedDays(input.periodStart, input.periodEnd, input.forecast.asOf);
  const used = series.slice(0, Math.max(1, shownDays));
  const highest = Math.max(input.availableSeconds, input.forecast?.projectedUseSeconds ?? 0, ...series, HOUR);
  const hoursStep = hourStep(highest);
  const topSeconds = Math.ceil(highest / hoursStep) * hoursStep;

  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (day: number) => box.left + (day / days) * plotWidth;
  const y = (seconds: number) => box.top + plotHeight - (seconds / topSeconds) * plotHeight;
  const middleOf = (day: number) => input.periodStart + day * DAY_MS + DAY_MS / 2;

  const points: BurnPoint[] = used.map((seconds, day) => ({ kind: 'used', cx: x(day + 1), cy: y(seconds), seconds, dayInstant: middleOf(day) }));
  const lastUsed = points.at(-1);
  const forecast = input.forecast;
  let forecastLine: BurnGeometry['forecastLine'] = null;
  if (forecast !== null && lastUsed !== undefined && used.length < days) {
    const end: BurnPoint = { kind: 'forecast', cx: x(days), cy: y(forecast.projectedUseSeconds), seconds: forecast.projectedUseSeconds, dayInstant: middleOf(days - 1) };
    forecastLine = { x1: lastUsed.cx, y1: lastUsed.cy, x2: end.cx, y2: end.cy };
    points.push(end);
  }
  const usedPath = `M${[{ cx: x(0), cy: y(0) }, ...points.filter((point) => point.kind === 'used')].map((point) => `${point.cx.toFixed(1)},${point.cy.toFixed(1)}`).join(' L')}`;

  const hourTicks: Tick<number>[] = [];
  for (let seconds = 0; seconds <= topSeconds; seconds += hoursStep) hourTicks.push({ value: seconds, at: y(seconds) });
  const dateTicks: Tick<number>[] = [];
  const daysStep = dayStep(days, Math.max(2, Math.floor(plotWidth / DATE_LABEL_ROOM)));
  for (let day = 0; day < days; day += daysStep) dateTicks.push({ value: middleOf(day), at: x(day + 1) });

  return {
    box,
    topSeconds,
    hourTicks,
    dateTicks,
    availableY: y(input.availableSeconds),
    end: { at: x(days), lastDayInstant: middleOf(days - 1) },
    usedPath,
    points,
    forecastLine,
  };
}
