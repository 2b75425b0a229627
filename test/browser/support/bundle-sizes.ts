/**
 * What each built surface costs the browser: its production JavaScript, gzipped at level 9, both what the first load
 * fetches (the scripts `index.html` names) and every chunk including those loaded on demand. Read from the output of
 * `npm run build:static` (`static/<surface>/build`); the budget is checked by test/browser/bundle-sizes.test.ts and
 * reported by `npm run bench -- bundles`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The most gzipped JavaScript one surface may ship, all chunks included, in KB of 1,000 bytes. */
export const SURFACE_BUDGET_KB = 250;

export interface BundleSize {
  readonly surface: string;
  /** KB (1,000 bytes) gzipped of the scripts the page loads at once. */
  readonly initialKb: number;
  /** KB (1,000 bytes) gzipped of every script chunk the build wrote. */
  readonly allKb: number;
}

async function gzippedKb(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(files.map(async (file) => gzipSync(await readFile(file), { level: 9 }).length));
  return sizes.reduce((total, size) => total + size, 0) / 1000;
}

/** The sizes of one surface's build; fails when the surface has not been built. */
export async function bundleSize(staticRoot: string, surface: string): Promise<BundleSize> {
  const build = path.join(staticRoot, surface, 'build');
  const html = await readFile(path.join(build, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => path.join(build, match[1] ?? ''));
  const assets = path.join(build, 'assets');
  const all = (await readdir(assets)).filter((file) => file.endsWith('.js')).map((file) => path.join(assets, file));
  return { surface, initialKb: await gzippedKb(initial), allKb: await gzippedKb(all) };
}
