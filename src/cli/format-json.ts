import type {
  BucketSummary,
  Forecast,
  OutOfPlanWorklog,
  Period,
  ThresholdCrossing,
  WorklogLine,
} from '../ledger';
import { instantInZone } from './quantities';
import type { StatementView } from './statement-view';

type InstantField =
  | keyof Pick<Period, 'start' | 'end'>
  | keyof Pick<BucketSummary, 'usableFrom' | 'expiresAt'>
  | keyof Pick<WorklogLine | OutOfPlanWorklog, 'started'>
  | keyof Pick<ThresholdCrossing, 'at'>
  | keyof Pick<Forecast, 'asOf' | 'projectedRunOutAt'>;

/** Statement fields that hold epoch milliseconds; each gets an ISO twin, `<field>Iso`, right after it. */
const instantFields: ReadonlySet<string> = new Set<InstantField>([
  'start',
  'end',
  'usableFrom',
  'expiresAt',
  'started',
  'at',
  'asOf',
  'projectedRunOutAt',
]);

function withIsoInstants(value: unknown, timeZone: string): unknown {
  if (Array.isArray(value)) return value.map((element) => withIsoInstants(element, timeZone));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, field]: [string, unknown]) => {
      const entry: [string, unknown] = [key, withIsoInstants(field, timeZone)];
      if (!instantFields.has(key) || !(typeof field === 'number' || field === null)) return [entry];
      return [entry, [`${key}Iso`, field === null ? null : instantInZone(field, timeZone)]];
    }),
  );
}

/** The statement as JSON: the ledger's figures unchanged, every instant also as ISO 8601 in the plan's time zone. */
export function formatStatementJson({ statement }: StatementView): string {
  return `${JSON.stringify(withIsoInstants(statement, statement.timeZone), null, 2)}\n`;
}
