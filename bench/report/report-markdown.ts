/**
 * How a benchmark suite hands its report to the runner: Markdown, printed for whoever watches
 * the run and appended to the file the runner names in `BENCH_REPORT_FILE`. Anything else the
 * suite or the code under test prints (logs, build output) stays out of docs/benchmarks.md.
 */
import { appendFileSync } from 'node:fs';

export const REPORT_FILE_VARIABLE = 'BENCH_REPORT_FILE';

export function reportMarkdown(...blocks: readonly string[]): void {
  const markdown = `${blocks.join('\n\n')}\n`;
  process.stdout.write(`${markdown}\n`);
  const file = process.env[REPORT_FILE_VARIABLE];
  if (file !== undefined && file !== '') appendFileSync(file, `${markdown}\n`);
}
