/**
 * What the browser tier starts once for all its files (jest's global setup and teardown, `jest.browser.config.js`):
 * one Chromium, which each file connects to with a browser context of its own; the preview bundled into one file,
 * which each file's preview runs; and one demo site seeded at {@link PREVIEW_NOW} by that bundle (`npm start --reset`'s
 * code), which each file's preview starts from a copy of. Seeding the demo takes some 3 s of CPU, launching Chromium
 * about 1 s and the bundle under 1 s; done once instead of once a file. Jest's workers inherit the environment the setup
 * leaves, so the three are passed to the files by environment variables.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserServer, chromium } from 'playwright-core';
import { CHROMIUM_OPTIONS } from './chromium';
import { bundlePreview, startPreview } from './preview-process';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The shared Chromium's WebSocket address (`chromium.connect`). */
export const SHARED_CHROMIUM_VARIABLE = 'SUPPORT_HOURS_TEST_CHROMIUM';
/** The folder of the seeded demo site that each file's preview copies. */
export const SEEDED_DEMO_VARIABLE = 'SUPPORT_HOURS_TEST_DEMO_SITE';
/** The preview's bundle that each file's preview runs. */
export const PREVIEW_BUNDLE_VARIABLE = 'SUPPORT_HOURS_TEST_PREVIEW_BUNDLE';

interface Shared {
  readonly chromium: BrowserServer;
  readonly demoSite: string;
  readonly previewBundle: string;
}

/** Jest hands nothing from the setup to the teardown but the global object. */
const holder = globalThis as { supportHoursSharedBrowser?: Shared };

export async function startSharedBrowser(): Promise<void> {
  const demoSite = path.join(PROJECT_ROOT, '.cache', `browser-demo-site-${process.pid}`);
  const bundling = bundlePreview(`browser-tier-${process.pid}`);
  const [server, preview, bundle] = await Promise.allSettled([
    chromium.launchServer(CHROMIUM_OPTIONS),
    // Seeded by the bundle the files' previews run: `npm start`'s code, without tsx compiling it on the way.
    bundling.then((bundled) => startPreview(demoSite, { reset: true, bundle: bundled })),
    bundling,
  ]);
  // Seeding settles every job before the preview prints its address: the folder is complete once it stops.
  if (preview.status === 'fulfilled') await preview.value.stop();
  const failed = [server, preview, bundle].find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (server.status === 'rejected' || bundle.status === 'rejected' || failed !== undefined) {
    if (server.status === 'fulfilled') await server.value.close();
    throw failed?.reason;
  }
  holder.supportHoursSharedBrowser = { chromium: server.value, demoSite, previewBundle: bundle.value };
  process.env[SHARED_CHROMIUM_VARIABLE] = server.value.wsEndpoint();
  process.env[SEEDED_DEMO_VARIABLE] = demoSite;
  process.env[PREVIEW_BUNDLE_VARIABLE] = bundle.value;
}

export async function stopSharedBrowser(): Promise<void> {
  const shared = holder.supportHoursSharedBrowser;
  if (shared === undefined) return;
  await shared.chromium.close();
  await rm(shared.demoSite, { recursive: true, force: true });
  await rm(shared.previewBundle, { force: true });
}
