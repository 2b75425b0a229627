import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `@forge/kvs` and `@forge/api` run unmodified in the tests, against the local Forge runtime
 * (src/local/forge-runtime): no test may replace them with a mock, a manual mock or a module mapping.
 */

const ROOT = path.resolve(__dirname, '..');
const FORGE_CLIENTS = /^@forge\/(?:kvs|api)(?:\/|$)/;
// Put together from pieces so that this file does not itself match what it looks for.
const MOCK_CALL = new RegExp(String.raw`\bjest\s*\.\s*(?:mock|doMock|setMock|unstable_mockModule|createMockFromModule|requireMock)\s*\(\s*(['"\x60])([^'"\x60]+)\1`, 'g');

/** Each line of `source` that replaces a Forge client module, as `line: module`. */
function forgeClientMocks(source: string): string[] {
  return source.split('\n').flatMap((line, index) =>
    [...line.matchAll(MOCK_CALL)].filter(([, , specifier = '']) => FORGE_CLIENTS.test(specifier)).map(([, , specifier = '']) => `${index + 1}: ${specifier}`),
  );
}

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z', 'src', 'test', 'bench', 'scripts', 'jest.config.js'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => /\.(?:[cm]?[jt]sx?)$/.test(file) && existsSync(path.join(ROOT, file)));
}

describe('the Forge-mock detector', () => {
  const mock = (specifier: string, call = 'mock') => `jest.${call}('${specifier}', () => ({}));`;

  it('finds every way jest replaces @forge/kvs or @forge/api, with its line', () => {
    const source = ['const a = 1;', mock('@forge/kvs'), mock('@forge/api', 'doMock'), mock('@forge/api/out/fetch', 'unstable_mockModule'), mock('@forge/kvs', 'setMock')].join('\n');
    expect(forgeClientMocks(source)).toEqual(['2: @forge/kvs', '3: @forge/api', '4: @forge/api/out/fetch', '5: @forge/kvs']);
  });

  it('lets mocks of other modules, and mere mentions, be', () => {
    expect(forgeClientMocks([mock('../clock'), mock('@forge/events'), "import { kvs } from '@forge/kvs';"].join('\n'))).toEqual([]);
  });
});

describe('the repository', () => {
  it('mocks neither @forge/kvs nor @forge/api in any source, test or benchmark', () => {
    const found = trackedFiles().flatMap((file) => forgeClientMocks(readFileSync(path.join(ROOT, file), 'utf8')).map((finding) => `${file}:${finding}`));
    expect(found).toEqual([]);
  });

  it('has no manual mock or module mapping that would stand in for them', () => {
    const jestConfig = readFileSync(path.join(ROOT, 'jest.config.js'), 'utf8');
    expect([existsSync(path.join(ROOT, '__mocks__', '@forge')), existsSync(path.join(ROOT, 'test', '__mocks__', '@forge')), jestConfig.includes('@forge/')]).toEqual([false, false, false]);
  });
});
