import path from 'node:path';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const CACHE = path.join(PROJECT_ROOT, '.cache', 'chromium');

/** Debian's Chromium, headless, with nothing written outside the project (its profile lives in `.cache/`). */
export const CHROMIUM_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  env: { ...process.env, XDG_CONFIG_HOME: path.join(CACHE, 'config'), XDG_CACHE_HOME: path.join(CACHE, 'cache'), HOME: CACHE },
};

/** A Chromium of this process's own (the UI benchmark); the browser tests share one, see `usePreviewInChromium`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_OPTIONS);
}
