import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { EXPECTED_SECONDS, longestFirst } from './browser/support/longest-first-sequencer.cjs';

/** The browser tier starts its longest files first (test/browser/support/longest-first-sequencer.cjs). */

const ROOT = path.resolve(__dirname, '..');

/** The browser tier's files in the order `jest -c jest.browser.config.js` starts them, without a last run's durations. */
function browserTierOrder(): string[] {
  const output = execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', 'jest.browser.config.js', '--no-cache', '--listTests', '--json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const listed: unknown = JSON.parse(output);
  if (!Array.isArray(listed)) throw new Error(`jest --listTests printed ${output}`);
  return listed.map((file) => path.relative(ROOT, String(file)).split(path.sep).join('/'));
}

describe('the browser tier, longest files first', () => {
  it('knows the expected seconds of every browser-tier file, and starts them in that order', () => {
    const order = browserTierOrder();
    expect([...order].sort()).toEqual(Object.keys(EXPECTED_SECONDS).sort());
    const seconds = order.map((file) => EXPECTED_SECONDS[file] ?? 0);
    expect(seconds).toEqual([...seconds].sort((a, b) => b - a));
    expect(order[0]).not.toMatch(/bundle-sizes|manifest-keys|front-end-logic/);
  });

  it("prefers the last run's seconds, starts a file it cannot time first, and breaks ties by path", () => {
    const file = (name: string) => ({ path: path.join(ROOT, 'test', 'browser', name) });
    const files = [file('bundle-sizes.test.ts'), file('preview.browser.test.ts'), file('new.browser.test.ts'), file('b.test.ts'), file('a.test.ts')];
    const lastRun: Record<string, number> = { 'bundle-sizes.test.ts': 500, 'a.test.ts': 3, 'b.test.ts': 3 };
    const ordered = longestFirst(files, (each) => lastRun[path.basename(each.path)]);
    expect(ordered.map((each) => path.basename(each.path))).toEqual(['new.browser.test.ts', 'bundle-sizes.test.ts', 'preview.browser.test.ts', 'a.test.ts', 'b.test.ts']);
  });
});
