import * as z from 'zod';

/** One line of the file store's log: the writes of one committed transaction. */
const logLineSchema = z.array(
  z.union([
    z.object({ k: z.string(), v: z.string(), j: z.string() }).strict(),
    z.object({ k: z.string(), d: z.literal(true) }).strict(),
  ]),
);

export type LogRecord = z.infer<typeof logLineSchema>[number];

export function serializeLogLine(records: readonly LogRecord[]): string {
  return `${JSON.stringify(records)}\n`;
}

/** `undefined` when the line is not a log line (corruption). */
export function parseLogLine(line: string): LogRecord[] | undefined {
  try {
    const parsed = logLineSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
