/**
 * The guides' pictures: `npm run screenshots` sets `SCREENSHOTS_DIR` (docs/screenshots) and the browser tests photograph
 * what they have just checked. A plain test run takes none: a picture asserts nothing, and encoding one costs Chromium
 * a fraction of a CPU-second to a second or more for a tall page (decision 0071).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Writes `<SCREENSHOTS_DIR>/<name>.png` of the element or page when `npm run screenshots` asks for pictures; otherwise does nothing. */
export async function photograph(subject: Locator | Page, name: string): Promise<void> {
  const folder = process.env.SCREENSHOTS_DIR;
  if (folder === undefined) return;
  const directory = path.resolve(PROJECT_ROOT, folder);
  await mkdir(directory, { recursive: true });
  await subject.screenshot({ path: path.join(directory, `${name}.png`) });
}
