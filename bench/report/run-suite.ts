/**
 * Runs one suite file in its own Node process (so its time and memory are not coloured by
 * another), with its output shown live, and collects what docs/benchmarks.md needs.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { SuiteRun } from './benchmarks-doc';
import { REPORT_FILE_VARIABLE } from './report-markdown';

const ERROR_TAIL_LINES = 20;

function exitCodeOf(file: string, env: NodeJS.ProcessEnv, stderr: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', file], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr.push(chunk.toString('utf8'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

export async function runSuite(file: string): Promise<SuiteRun> {
  const folder = await mkdtemp(path.join(tmpdir(), 'support-hours-bench-'));
  const reportFile = path.join(folder, 'report.md');
  const stderr: string[] = [];
  const started = performance.now();
  try {
    const exitCode = await exitCodeOf(file, { ...process.env, [REPORT_FILE_VARIABLE]: reportFile }, stderr);
    const report = await readFile(reportFile, 'utf8').catch(() => '');
    return {
      finishedAt: new Date(),
      durationMs: performance.now() - started,
      loadAverage: loadavg(),
      exitCode,
      report,
      errorTail: stderr.join('').trimEnd().split('\n').slice(-ERROR_TAIL_LINES),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
