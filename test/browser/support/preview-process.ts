import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const URL_LINE = /Support Hours preview: (http:\/\/127\.0\.0\.1:\d+)\//;

/** The instant the preview's clock (`--now`) and the test pages' clocks stand still at: no test depends on today. */
export const PREVIEW_NOW = '2026-11-16T12:00:00Z';

export interface RunningPreview {
  readonly url: string;
  stop(): Promise<void>;
}

export interface PreviewOptions {
  /** Seed a fresh demo site (`--reset`) rather than reopen the one the folder holds. */
  readonly reset: boolean;
  /** A bundle of the preview ({@link bundlePreview}) to run instead of its sources through tsx, as `npm start` does. */
  readonly bundle?: string;
}

/**
 * `npm start` as a user runs it, at {@link PREVIEW_NOW}, on the demo site kept in `dataDir`: a fresh one
 * (`--reset`, seeding takes seconds) unless `reset` is false and the folder already holds one. Resolves once the
 * preview prints its address.
 */
export function startPreview(dataDir: string, { reset, bundle }: PreviewOptions = { reset: true }): Promise<RunningPreview> {
  const program = bundle === undefined ? [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/preview/main.ts'] : [bundle];
  const args = [...program, ...(reset ? ['--reset'] : []), '--data-dir', dataDir, '--now', PREVIEW_NOW];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match?.[1] === undefined) return;
      child.stdout?.off('data', onData);
      resolve({
        url: match[1],
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    // The preview's own complaints (a failing trigger or queue job) belong in the test's output.
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stderr.write(chunk);
    });
    child.once('exit', (code) => reject(new Error(`The preview exited with ${code} before printing its address:\n${output}`)));
  });
}

/**
 * The preview's sources bundled into one file, which starts in a third of the CPU time `npm start` takes (tsx
 * transforms each source file as Node loads it: some 2 CPU-s a start against 0.8 s), for test files that each start
 * a preview of their own. The preview finds the project two folders above its own, so the bundle is written two
 * folders deep (build/preview-bundle/); `name` tells concurrent test runs' bundles apart.
 */
export async function bundlePreview(name: string): Promise<string> {
  const outfile = path.join(PROJECT_ROOT, 'build', 'preview-bundle', `${name}.cjs`);
  await build({
    entryPoints: [path.join(PROJECT_ROOT, 'src', 'preview', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** A page whose `Date` reads {@link PREVIEW_NOW}, like the preview's clock, so the page's defaults (a new worklog's start) agree with it. */
export async function newPreviewPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const page = await browser.newPage(options);
  await page.clock.setFixedTime(PREVIEW_NOW);
  return page;
}
