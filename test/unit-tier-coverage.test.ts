import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PART_COUNT, runsAlone, unitTierParts, unitTierTestFiles } from './support/unit-tier';

/**
 * `npm run test:unit` runs the unit tier's test files inside a few parts (test/support/unit-tier.ts): this checks that
 * it still reaches every one of them, each once, and that no file sharing a part changes the module registry it shares.
 */

const ROOT = path.resolve(__dirname, '..');
// Put together from pieces so that this file does not itself match what it looks for.
const REGISTRY_CHANGE = new RegExp(String.raw`\bjest\s*\.\s*(?:${['mock', 'doMock', 'unmock', 'setMock', 'unstable_mockModule', 'resetModules', 'isolateModules', 'isolateModulesAsync', 'enableAutomock'].join('|')})\s*\(`);

/** The test files `jest -c <config>` would run, project-relative. */
function listedBy(config: string): string[] {
  const output = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', config, '--listTests', '--json'], { cwd: ROOT, encoding: 'utf8' });
  const listed: unknown = JSON.parse(output);
  if (!Array.isArray(listed)) throw new Error(`jest --listTests printed ${output}`);
  return listed.map((file) => path.relative(ROOT, String(file)).split(path.sep).join('/')).sort();
}

describe('the unit tier in parts', () => {
  const files = unitTierTestFiles();
  const parts = unitTierParts(files);

  it('finds the test files jest itself finds outside test/browser/, this one among them', () => {
    const jestFinds = listedBy('jest.config.js').filter((file) => !file.startsWith('test/browser/'));
    expect(files).toEqual(jestFinds);
    expect(files).toContain('test/unit-tier-coverage.test.ts');
  });

  it('runs every file once: in exactly one part, or alone', () => {
    const reached = [...parts.flat(), ...files.filter(runsAlone)].sort();
    expect(reached).toEqual(files);
    expect(parts.every((part) => part.length > 0)).toBe(true);
  });

  it('has one entry file per part, each declaring its own part, and jest.unit.config.js runs those and the lone files', () => {
    const entries = readdirSync(path.join(ROOT, 'test', 'unit-tier')).sort();
    const expected = Array.from({ length: PART_COUNT }, (_, index) => `part-${String(index + 1)}.unit-tier.ts`).sort();
    expect(entries).toEqual(expected);
    for (const entry of entries) {
      const number = /^part-(\d+)\./.exec(entry)?.[1];
      expect(readFileSync(path.join(ROOT, 'test', 'unit-tier', entry), 'utf8')).toContain(`declarePart(${String(number)});`);
    }
    expect(listedBy('jest.unit.config.js')).toEqual([...entries.map((entry) => `test/unit-tier/${entry}`), ...files.filter(runsAlone)].sort());
  });

  it('shares a registry only among files that leave it as they found it: a file that mocks modules runs alone', () => {
    const changing = parts.flat().filter((file) => REGISTRY_CHANGE.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(changing).toEqual([]);
  });
});
