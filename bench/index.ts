/**
 * Runs every `bench/*.bench.ts` in its own Node process (so time and peak memory of one
 * benchmark are not coloured by another) and prints their reports one after the other.
 * `npm run bench -- ledger` runs only the benchmarks whose file name contains "ledger".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const filter = process.argv[2] ?? '';
const benches = readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, file)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
if (failed > 0) {
  console.error(`${failed} benchmark(s) failed`);
  process.exit(1);
}
