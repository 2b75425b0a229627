import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findOutsidePaths } from './support/outside-paths';

/**
 * A clone has nothing beside it: no tracked file but the Markdown docs may name a path outside
 * the repository (a sibling folder, this machine's absolute paths, a home folder).
 */

const ROOT = path.resolve(__dirname, '..');

// Samples are put together from pieces so that this file does not itself name what they name.
const slash = '/';
const up = (levels: number) => '../'.repeat(levels);
const UP = "'..'";

/** Findings that are not paths this file reads; each says why. An entry no longer found fails too. */
const ACCEPTED = [
  {
    file: 'examples/generate.ts',
    text: `${up(2)}schemas/plan.schema.json`,
    why: 'the `$schema` it writes into examples/<scenario>/plan.json, relative to that file',
  },
  {
    file: 'examples/generate.ts',
    text: `${up(2)}schemas/candidates.schema.json`,
    why: 'the `$schema` it writes into examples/amended/candidates.json, relative to that file',
  },
];

function trackedFilesButMarkdown(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && !file.endsWith('.md') && existsSync(path.join(ROOT, file)));
}

function textOf(file: string): string | undefined {
  const bytes = readFileSync(path.join(ROOT, file));
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}

describe('the outside-path detector', () => {
  const reasons = (source: string, file: string) => findOutsidePaths(source, file).map(({ line, reason }) => `${line}: ${reason}`);

  it('finds a join from __dirname that climbs above the root, through a variable too', () => {
    expect(reasons(`const SPEC = path.resolve(__dirname, ${UP}, ${UP}, ${UP}, 'shared', 'spec.json');`, 'test/support/openapi.ts')).toEqual([
      '1: resolves above the repository root (../shared/spec.json)',
    ]);
    const viaVariable = `const root = join(__dirname, ${UP}, ${UP});\nconst spec = JSON.parse(readFileSync(join(root, ${UP}, 'shared', 'a.json'), 'utf8'));`;
    expect(reasons(viaVariable, 'test/cli/shape.test.ts')).toEqual(['2: resolves above the repository root (../shared/a.json)']);
  });

  it('finds the sibling folder joined from a place it cannot resolve', () => {
    expect(reasons(`const file = path.join(workspace, ${UP}, 'shared', 'a.json');`, 'scripts/a.ts')).toEqual([
      "1: joins '..' and 'shared'",
    ]);
  });

  it('finds relative paths that climb above the root from the file that names them', () => {
    expect(reasons(`import { field } from '${up(2)}shared/context/extension';`, 'static/gadget.ts')).toEqual([
      '1: climbs above the repository root from static',
    ]);
    expect(reasons(`cat "$ROOT/${up(1)}shared/notes.txt"`, '.ci/run')).toEqual(['1: names the folder beside the repository']);
  });

  it("finds this machine's absolute paths and home folders", () => {
    const source = [`${slash}work${slash}shared${slash}a.json`, `${slash}home${slash}alice${slash}repo`, `HOME_CONFIG=~${slash}.config`].join('\n');
    expect(reasons(source, 'scripts/a.sh')).toEqual([
      '1: an absolute path of this machine or a home folder',
      '2: an absolute path of this machine or a home folder',
      '3: an absolute path of this machine or a home folder',
    ]);
  });

  it('lets paths that stay inside the repository be', () => {
    const inside = [
      `import { field } from '${up(2)}shared/context/extension';`,
      `const ROOT = path.resolve(__dirname, ${UP}, ${UP}, ${UP});`,
      `const url = 'https://example.com/work/items'; const line = parts.join('/');`,
      `const dir = __dirname; const schemas = join(dir, ${UP}, ${UP}, 'schemas');`,
    ].join('\n');
    expect(reasons(inside, 'static/gadget/src/a.ts')).toEqual([]);
  });
});

describe('the repository', () => {
  const findings = trackedFilesButMarkdown().flatMap((file) => {
    const text = textOf(file);
    return text === undefined ? [] : findOutsidePaths(text, file).map((finding) => ({ file, ...finding }));
  });
  const accepted = (finding: { file: string; text: string }) => ACCEPTED.some(({ file, text }) => file === finding.file && text === finding.text);

  it('names no path outside itself in any tracked file but the Markdown docs', () => {
    const unexpected = findings.filter((finding) => !accepted(finding)).map(({ file, line, text, reason }) => `${file}:${line} ${text} (${reason})`);
    expect(unexpected).toEqual([]);
  });

  it('still has each accepted exception', () => {
    expect(ACCEPTED.filter(({ file, text }) => !findings.some((finding) => finding.file === file && finding.text === text))).toEqual([]);
  });
});
