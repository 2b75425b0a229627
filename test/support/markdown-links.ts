/**
 * Reads the links and heading anchors of a Markdown document, the way GitHub renders them,
 * so the documentation's relative links can be checked. Code (fenced blocks and inline spans)
 * is skipped: a link written there is an example, not a link.
 */

export interface MarkdownLink {
  /** The target as written: `docs/cli.md#flags`, `#words`, `https://…`. */
  readonly target: string;
  readonly line: number;
}

const FENCE = /^\s*(```|~~~)/;
const INLINE_CODE = /(`+)(?:(?!\1).)+?\1/g;
const MARKDOWN_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_LINK = /<(?:a|img)\s[^>]*?\b(?:href|src)="([^"]+)"/g;
const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;

/** The document's lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, index) => {
    const opening = FENCE.exec(text)?.[1];
    if (opening !== undefined && (fence === null || opening === fence)) {
      fence = fence === null ? opening : null;
      return;
    }
    if (fence === null) lines.push({ text, line: index + 1 });
  });
  return lines;
}

export function markdownLinks(markdown: string): MarkdownLink[] {
  return proseLines(markdown).flatMap(({ text, line }) => {
    const prose = text.replace(INLINE_CODE, '');
    return [...prose.matchAll(MARKDOWN_LINK), ...prose.matchAll(HTML_LINK)].map((match) => ({ target: match[1] ?? '', line }));
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor the document's headings produce; repeated headings get `-1`, `-2`, … as on GitHub. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = HEADING.exec(text)?.[1];
    if (heading === undefined) continue;
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

/** A link to another site or protocol, which this check leaves alone. */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}
