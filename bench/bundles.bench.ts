/**
 * Each surface's production JavaScript, gzipped: what the browser downloads on first load, and every chunk including
 * those loaded on demand, against the 250 KB budget per surface (which test/browser/bundle-sizes.test.ts enforces).
 * Builds the surfaces first when their sources are newer than the builds, as `npm start` does; otherwise it only reads
 * files, so it takes a second.
 */
import path from 'node:path';
import { ensureBuilds } from '../src/preview/ensure-builds';
import { PREVIEW_HOST, SURFACES } from '../static/surfaces';
import { bundleSize, SURFACE_BUDGET_KB } from '../test/browser/support/bundle-sizes';
import { markdownTable } from './report/markdown-table';
import { reportMarkdown } from './report/report-markdown';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const builds = [...SURFACES, PREVIEW_HOST].map((folder) => path.join('static', folder, 'build'));
  await ensureBuilds(ROOT, builds, SURFACES.length, { log: (line) => console.log(line), now: () => performance.now() });
  const sizes = await Promise.all(SURFACES.map((surface) => bundleSize(path.join(ROOT, 'static'), surface)));
  reportMarkdown(
    `Production JavaScript of each surface, gzipped (level 9; KB of 1,000 bytes): what the browser downloads on first load, and every chunk including those loaded on demand (\`iframe-resizer\`, which \`@forge/bridge\` loads only when needed). Budget ≤ ${SURFACE_BUDGET_KB} KB per surface, all chunks included; \`npm run test:browser\` fails above it.`,
    markdownTable(
      [{ title: 'surface' }, { title: 'first load', align: 'right' }, { title: 'all chunks', align: 'right' }, { title: 'budget left', align: 'right' }],
      sizes.map(({ surface, initialKb, allKb }) => [surface, `${initialKb.toFixed(1)} KB`, `${allKb.toFixed(1)} KB`, `${(SURFACE_BUDGET_KB - allKb).toFixed(1)} KB`]),
    ),
  );
  const missed = sizes.filter(({ allKb }) => allKb > SURFACE_BUDGET_KB);
  for (const { surface, allKb } of missed) console.error(`TARGET MISSED: ${surface}: ${allKb.toFixed(1)} KB gzipped > ${SURFACE_BUDGET_KB} KB`);
  if (missed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
