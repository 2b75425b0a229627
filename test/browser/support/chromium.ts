import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Debian's Chromium, headless, with nothing written outside the project (its profile lives in `.cache/`). */
export function launchChromium(): Promise<Browser> {
  const cache = path.join(PROJECT_ROOT, '.cache', 'chromium');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: path.join(cache, 'config'), XDG_CACHE_HOME: path.join(cache, 'cache'), HOME: cache },
  });
}
