/**
 * The documentation cannot rot silently: every relative link in the README, the other top-level
 * documents and docs/**\/*.md must name a file that exists, and a `#anchor` into a Markdown file
 * must name one of its headings.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { headingAnchors, headingSlug, isExternal, markdownLinks } from './support/markdown-links';

const ROOT = path.join(__dirname, '..');
const TOP_LEVEL = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md'];

function documents(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join('docs', file));
  return [...TOP_LEVEL.filter((file) => existsSync(path.join(ROOT, file))), ...docs].sort();
}

/** What is wrong with one link of `document`, or null when it resolves. */
function brokenLink(document: string, target: string): string | null {
  const [file = '', anchor] = target.split('#', 2);
  const resolved = file === '' ? path.join(ROOT, document) : path.resolve(path.dirname(path.join(ROOT, document)), decodeURIComponent(file));
  if (!resolved.startsWith(ROOT + path.sep)) return 'points outside the repository';
  if (!existsSync(resolved)) return `${path.relative(ROOT, resolved)} does not exist`;
  if (anchor === undefined || anchor === '' || !resolved.endsWith('.md')) return null;
  return headingAnchors(readFileSync(resolved, 'utf8')).has(anchor) ? null : `${path.relative(ROOT, resolved)} has no heading #${anchor}`;
}

describe('documentation links', () => {
  const files = documents();

  it('finds the README and the docs pages', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', path.join('docs', 'ledger.md'), path.join('docs', 'guide', 'admin.md')]));
  });

  it.each(files)('%s: every relative link and anchor resolves', (document) => {
    const broken = markdownLinks(readFileSync(path.join(ROOT, document), 'utf8'))
      .filter((link) => !isExternal(link.target))
      .flatMap((link) => {
        const problem = brokenLink(document, link.target);
        return problem === null ? [] : [`line ${link.line}: ${link.target}: ${problem}`];
      });
    expect(broken).toEqual([]);
  });
});

describe('reading Markdown links', () => {
  it('finds Markdown links, images and HTML links, but none inside code', () => {
    const markdown = [
      'See [the CLI](docs/cli.md#flags) and ![a picture](shot.png "title").',
      '<img src="docs/screenshots/a.png" alt="a"> `[not a link](nowhere.md)`',
      '```',
      '[also not a link](nowhere.md)',
      '```',
      '[external](https://example.com)',
    ].join('\n');
    expect(markdownLinks(markdown)).toEqual([
      { target: 'docs/cli.md#flags', line: 1 },
      { target: 'shot.png', line: 1 },
      { target: 'docs/screenshots/a.png', line: 2 },
      { target: 'https://example.com', line: 6 },
    ]);
    expect(isExternal('https://example.com')).toBe(true);
    expect(isExternal('docs/cli.md')).toBe(false);
  });

  it('makes the anchors GitHub makes, repeated headings numbered', () => {
    expect(headingSlug('Closed periods: `--closed`')).toBe('closed-periods---closed');
    expect(headingSlug("Forge quotas and the app's own limits")).toBe('forge-quotas-and-the-apps-own-limits');
    expect(headingSlug('Running the resolvers outside Forge (`src/local/`)')).toBe('running-the-resolvers-outside-forge-srclocal');
    expect([...headingAnchors('# Tests\n## Tests\n```\n# not a heading\n```\n### Known limits')]).toEqual(['tests', 'tests-1', 'known-limits']);
  });
});
