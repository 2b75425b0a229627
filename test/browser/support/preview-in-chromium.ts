import { cp, rm } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import path from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { newPreviewPage, type RunningPreview, startPreview } from './preview-process';
import { PREVIEW_BUNDLE_VARIABLE, SEEDED_DEMO_VARIABLE, SHARED_CHROMIUM_VARIABLE } from './shared-browser';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A test file's own preview and its page in Chromium, from the file's `beforeAll` to its `afterAll`. */
export interface PreviewInChromium {
  /** The preview's address, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** One page (in a browser context of its own) whose clock stands at the preview's. */
  readonly page: Page;
  /** Goes to the preview's page with this query (`{ view: 'issue', user: 'agent-us', issue: 'SUP-1' }`). */
  open(query: Record<string, string>): Promise<void>;
  /** The text of the file the page downloads once `trigger` has run (from the browser's side: Chromium may be remote). */
  downloadedText(trigger: () => Promise<void>): Promise<string>;
}


/**
 * Starts, for the calling test file, its own preview on its own demo site (under `.cache/`, removed afterwards) and a
 * page in Chromium. Under `npm run test:browser` the demo site is a copy of the one the tier seeded once, the preview
 * runs from the tier's bundle of it and Chromium is the tier's shared one ([shared-browser.ts](./shared-browser.ts));
 * run any other way (`npx jest <file>`), the file seeds its own site as `npm start` does and launches its own
 * Chromium. Either way no file sees another's changes to the site, and the file's `afterAll` hooks (declared after
 * this call) run before the preview stops.
 */
export function usePreviewInChromium(pageOptions: BrowserContextOptions): PreviewInChromium {
  // Each is set as soon as it has started, so that afterAll stops what did start when another part failed.
  let preview: RunningPreview | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let dataDir: string | undefined;
  const running = (): { readonly preview: RunningPreview; readonly page: Page } => {
    if (preview === undefined || page === undefined) throw new Error('The preview is not running: use it in tests and hooks declared after usePreviewInChromium');
    return { preview, page };
  };

  beforeAll(async () => {
    const file = path.basename(expect.getState().testPath ?? 'browser-test', '.browser.test.ts');
    const ownDataDir = path.join(PROJECT_ROOT, '.cache', `browser-${file}-${process.pid}`);
    dataDir = ownDataDir;
    await Promise.all([
      startOwnPreview(ownDataDir).then((started) => (preview = started)),
      openChromium().then((opened) => (browser = opened)),
    ]);
    if (browser !== undefined) page = await newPreviewPage(browser, pageOptions);
  });

  afterAll(async () => {
    // Closing a connected Chromium closes this file's contexts and disconnects; the shared browser goes on.
    await browser?.close();
    await preview?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  return {
    get url() {
      return running().preview.url;
    },
    get page() {
      return running().page;
    },
    async open(query) {
      const { preview: started, page: opened } = running();
      await opened.goto(`${started.url}/?${new URLSearchParams(query).toString()}`);
    },
    async downloadedText(trigger) {
      const download = running().page.waitForEvent('download');
      await trigger();
      return text(await (await download).createReadStream());
    },
  };
}

/**
 * On a copy of the tier's seeded demo site when there is one (its store's lock left behind), run from the tier's
 * bundle of the preview; else on a fresh seed, run as `npm start` runs it.
 */
async function startOwnPreview(dataDir: string): Promise<RunningPreview> {
  const seeded = process.env[SEEDED_DEMO_VARIABLE];
  if (seeded === undefined) return startPreview(dataDir, { reset: true });
  await rm(dataDir, { recursive: true, force: true });
  await cp(seeded, dataDir, { recursive: true, filter: (source) => path.basename(source) !== 'store.lock' });
  const bundle = process.env[PREVIEW_BUNDLE_VARIABLE];
  return startPreview(dataDir, { reset: false, ...(bundle === undefined ? {} : { bundle }) });
}

function openChromium(): Promise<Browser> {
  const shared = process.env[SHARED_CHROMIUM_VARIABLE];
  return shared === undefined ? launchChromium() : chromium.connect(shared);
}
