/**
 * How `npm run test:unit` runs the unit tier's test files in a few jest test files ("parts", test/unit-tier/) instead
 * of one each: jest gives every test file a module registry of its own, so each of ~150 files loaded jest's test
 * framework and `expect` again and compiled again every module it used, about a third of the tier's CPU time. A part
 * requires its share of the files, each inside a `describe` named by its path (so a file's hooks stay its own), and
 * they share one registry. Which file goes in which part is worked out here at run time from the files on disk, so a
 * new test file is run without anyone listing it. A file that must have a registry of its own (it mocks modules,
 * resets the registry) is named `*.isolated.test.ts`; jest.unit.config.js runs those alone.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
/** Where jest looks for tests (jest.config.js `roots`). */
const ROOTS = ['src', 'test'];
/** The browser tier's files, which `npm run test:browser` runs. */
const BROWSER_TESTS = 'test/browser/';

/** How many parts the unit tier is split into: test/unit-tier/part-<n>.unit-tier.ts for n in 1..PART_COUNT. */
export const PART_COUNT = 8;

/** Every jest test file of the unit tier (both kinds), as project-relative paths with `/`, sorted. */
export function unitTierTestFiles(): string[] {
  return ROOTS.flatMap((root) =>
    readdirSync(path.join(PROJECT_ROOT, root), { recursive: true, encoding: 'utf8' })
      .map((file) => path.posix.join(root, file.split(path.sep).join('/')))
      .filter((file) => file.endsWith('.test.ts') && !file.startsWith(BROWSER_TESTS)),
  ).sort();
}

/** Whether a file runs alone, in a module registry of its own, rather than in a part. */
export function runsAlone(file: string): boolean {
  return file.endsWith('.isolated.test.ts');
}

/**
 * The files of each part (index 0 is part 1): whole folders, so that a part's files share the modules they load,
 * each folder going to the part with the fewest bytes of test code so far, largest folders first.
 */
export function unitTierParts(files: readonly string[] = unitTierTestFiles()): string[][] {
  const folders = new Map<string, { files: string[]; bytes: number }>();
  for (const file of files.filter((candidate) => !runsAlone(candidate))) {
    const folder = folders.get(path.posix.dirname(file)) ?? { files: [], bytes: 0 };
    folder.files.push(file);
    folder.bytes += statSync(path.join(PROJECT_ROOT, file)).size;
    folders.set(path.posix.dirname(file), folder);
  }
  const parts = Array.from({ length: PART_COUNT }, () => ({ files: [] as string[], bytes: 0 }));
  const bySize = [...folders.entries()].sort(([nameA, a], [nameB, b]) => b.bytes - a.bytes || nameA.localeCompare(nameB));
  for (const [, folder] of bySize) {
    const lightest = parts.reduce((least, part) => (part.bytes < least.bytes ? part : least));
    lightest.files.push(...folder.files);
    lightest.bytes += folder.bytes;
  }
  return parts.map((part) => part.files.sort());
}

/** Declares the tests of part `number` (1-based): each of its files required inside a `describe` named by its path. */
export function declarePart(number: number): void {
  const files = unitTierParts()[number - 1];
  if (files === undefined) throw new Error(`There is no unit-tier part ${String(number)} of ${String(PART_COUNT)}`);
  for (const file of files) {
    describe(file, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- which files to load is only known at run time
      require(path.join(PROJECT_ROOT, file));
    });
  }
}
