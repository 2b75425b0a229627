import { burnGeometry, type ChartBox, dayStep, hourStep } from '../../static/project-page/src/burn-geometry';
import { formatDayMonth } from '../../static/shared/format/dates';

const HOUR = 3600;
const DAY_MS = 86_400_000;
/** A plot of 300 × 100 units inside its margins, so positions read as fractions of it. */
const BOX: ChartBox = { width: 340, height: 130, left: 30, right: 10, top: 10, bottom: 20 };
/** November 2026 in Berlin: 30 days from 2026-10-31T23:00Z. */
const START = Date.parse('2026-10-31T23:00:00Z');
const END = START + 30 * DAY_MS;

function daily(hoursByDay: Record<number, number>): number[] {
  return Array.from({ length: 30 }, (_, day) => (hoursByDay[day] ?? 0) * HOUR);
}

describe('the burn chart geometry', () => {
  it('picks a round hour step that keeps the hour axis to five intervals', () => {
    expect([1, 5, 6, 10, 11, 40, 300, 1200].map((hours) => hourStep(hours * HOUR) / HOUR)).toEqual([1, 1, 2, 2, 5, 10, 100, 250]);
  });

  it('labels a month weekly and a short period daily where the labels fit, and fewer dates on a narrow chart', () => {
    expect([3, 6, 7, 30, 31, 92, 365].map((days) => dayStep(days, 6))).toEqual([1, 1, 2, 7, 7, 16, 61]);
    expect([6, 30].map((days) => dayStep(days, 3))).toEqual([2, 10]);
  });

  it('draws the used line up to the forecast\'s day, then the forecast to the period\'s end', () => {
    const geometry = burnGeometry(
      { periodStart: START, periodEnd: END, dailyCoveredSeconds: daily({ 0: 2, 2: 4 }), availableSeconds: 10 * HOUR, forecast: { asOf: START + 3 * DAY_MS, projectedUseSeconds: 8 * HOUR } },
      BOX,
    );
    // 10 h available is the top: two-hour ticks, 0 to 10.
    expect(geometry.topSeconds).toBe(10 * HOUR);
    expect(geometry.hourTicks.map((tick) => [tick.value / HOUR, tick.at])).toEqual([
      [0, 110],
      [2, 90],
      [4, 70],
      [6, 50],
      [8, 30],
      [10, 10],
    ]);
    expect(geometry.availableY).toBe(10);
    // Three days shown (to the forecast's instant), each at its day's end; then the forecast at the period's end.
    expect(geometry.points.map((point) => [point.kind, point.cx, point.seconds / HOUR])).toEqual([
      ['used', 40, 2],
      ['used', 50, 2],
      ['used', 60, 6],
      ['forecast', 330, 8],
    ]);
    expect(geometry.usedPath).toBe('M30.0,110.0 L40.0,90.0 L50.0,90.0 L60.0,50.0');
    expect(geometry.forecastLine).toEqual({ x1: 60, y1: 50, x2: 330, y2: 30 });
    expect(geometry.end.at).toBe(330);
  });

  it('names each point\'s and tick\'s day in the plan\'s zone, whatever the period\'s first instant in UTC', () => {
    const geometry = burnGeometry({ periodStart: START, periodEnd: END, dailyCoveredSeconds: daily({}), availableSeconds: 10 * HOUR, forecast: null }, BOX);
    const berlin = (instant: number) => formatDayMonth(instant, 'Europe/Berlin', 'en-GB');
    // 300 units of plot hold four date labels: every eighth day.
    expect(geometry.dateTicks.map((tick) => [berlin(tick.value), Math.round(tick.at)])).toEqual([
      ['1 Nov', 40],
      ['9 Nov', 120],
      ['17 Nov', 200],
      ['25 Nov', 280],
    ]);
    expect(berlin(geometry.end.lastDayInstant)).toBe('30 Nov');
    // A past period (no forecast) draws every day and no forecast.
    expect(geometry.points).toHaveLength(30);
    expect(geometry.forecastLine).toBeNull();
    expect(berlin(geometry.points[0]?.dayInstant ?? 0)).toBe('1 Nov');
  });

  it('raises the hour axis over use or a forecast beyond the available hours', () => {
    const geometry = burnGeometry(
      { periodStart: START, periodEnd: END, dailyCoveredSeconds: daily({ 0: 11 }), availableSeconds: 10 * HOUR, forecast: { asOf: START + DAY_MS, projectedUseSeconds: 23 * HOUR } },
      BOX,
    );
    expect(geometry.topSeconds).toBe(25 * HOUR);
    expect(geometry.points.every((point) => point.cy >= BOX.top)).toBe(true);
  });
});
