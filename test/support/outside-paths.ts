/**
 * Finds places in a repository file that name a path outside the repository: absolute paths of
 * this machine or a home folder, relative paths that climb above the root, and `path.join` /
 * `path.resolve` calls whose arguments, resolved, land above the root.
 */
import path from 'node:path';

export interface OutsidePath {
  /** 1-based. */
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

/** This machine's work folder, home folders (Linux, macOS, Windows, a leading tilde) and root's home. */
const ABSOLUTE = /(?<![\w.~])(?:\/work\/|\/home\/[\w.-]+|\/Users\/[\w.-]+|\/root\/|[A-Za-z]:\\{1,2}Users\\)|(?<=^|[\s'"`(=,:])~\//gm;
/** A relative path starting with `../` where a path can start: the line's start, a quote, a space, `(`, `=`, `,`, `[`, `:`. */
const RELATIVE = /(?<=^|[\s'"`(=,[:])(?:\.\/)?(?:\.\.\/)+[^\s'"`),;\]]*/gm;
/** The folder beside the repository that these checks exist for, named after a climb. */
const SIBLING = /\.\.\/shared\b/g;
/** `join(` or `resolve(`, bare or as `path.`, perhaps the initializer of a `const`; not `parts.join(`. */
const PATH_CALL = /(?:\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*)?(?<![\w.$])(?:path\.(?:posix\.)?)?(?:join|resolve)\s*\(/g;
const DIRNAME_BINDING = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*__dirname\b/g;

/** Repository-relative paths; `..` at the start means above the root. */
function climbsOut(repositoryPath: string): boolean {
  const normal = path.posix.normalize(repositoryPath);
  return normal === '..' || normal.startsWith('../');
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** The top-level arguments of a call whose `(` ends just before `start`, as source text. */
function callArguments(source: string, start: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (let i = start; i < source.length; i += 1) {
    const char = source[i] ?? '';
    if (quote) {
      if (char === '\\') {
        current += char + (source[i + 1] ?? '');
        i += 1;
        continue;
      }
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === '`') {
      quote = char;
    } else if ('([{'.includes(char)) {
      depth += 1;
    } else if (')]}'.includes(char)) {
      if (depth === 0) break;
      depth -= 1;
    } else if (char === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim() !== '') args.push(current.trim());
  return args;
}

type Argument =
  | { readonly kind: 'location'; readonly at: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'unknown' };

function argument(text: string, directory: string, bindings: ReadonlyMap<string, string>): Argument {
  const literal = /^(['"`])([^'"`$]*)\1$/.exec(text);
  if (literal) return { kind: 'literal', text: literal[2] ?? '' };
  if (text === '__dirname' || text === 'import.meta.dirname') return { kind: 'location', at: directory };
  if (text === 'process.cwd()') return { kind: 'location', at: '.' };
  const bound = bindings.get(text);
  return bound === undefined ? { kind: 'unknown' } : { kind: 'location', at: bound };
}

/** Where a join/resolve call lands, repository-relative, when its first argument is a place this file knows. */
function resolveCall(args: readonly Argument[]): string | undefined {
  const [first, ...rest] = args;
  if (!first || first.kind === 'unknown') return undefined;
  const base = first.kind === 'location' ? first.at : path.posix.join('.', first.text);
  // Any other non-literal segment is some name inside wherever the path has got to.
  return path.posix.join(base, ...rest.map((arg) => (arg.kind === 'literal' ? arg.text : 'some-name')));
}

/** With no known start, a `'..'` literal followed by the sibling folder's name still names the folder beside a repository. */
function climbsToSibling(args: readonly Argument[]): boolean {
  const literals = args.map((arg) => (arg.kind === 'literal' ? arg.text : undefined));
  return literals.some((text, index) => text === '..' && literals[index + 1] === 'shared');
}

interface Finding {
  readonly index: number;
  readonly text: string;
  readonly reason: string;
}

/** `join`/`resolve` calls that land above the root, following variables bound to `__dirname` or to earlier calls. */
function climbingPathCalls(source: string, directory: string): Finding[] {
  const starts = [
    ...[...source.matchAll(DIRNAME_BINDING)].map((match) => ({ match, call: false })),
    ...[...source.matchAll(PATH_CALL)].map((match) => ({ match, call: true })),
  ].sort((a, b) => a.match.index - b.match.index);
  const bindings = new Map<string, string>();
  const found: Finding[] = [];
  for (const { match, call } of starts) {
    const name = match[1];
    if (!call) {
      if (name) bindings.set(name, directory);
      continue;
    }
    const argumentsStart = match.index + match[0].length;
    const args = callArguments(source, argumentsStart).map((text) => argument(text, directory, bindings));
    const landing = resolveCall(args);
    if (landing !== undefined && name) bindings.set(name, landing);
    const lineEnd = source.indexOf('\n', argumentsStart);
    const text = source.slice(match.index, lineEnd === -1 ? undefined : lineEnd).trim();
    if (landing !== undefined && climbsOut(landing)) found.push({ index: match.index, text, reason: `resolves above the repository root (${landing})` });
    if (landing === undefined && climbsToSibling(args)) found.push({ index: match.index, text, reason: "joins '..' and 'shared'" });
  }
  return found;
}

/** Every place in `source`, the text of the repository file at `file` (repository-relative), that names a path outside the repository. */
export function findOutsidePaths(source: string, file: string): OutsidePath[] {
  const directory = path.posix.dirname(file);
  const found: Finding[] = [];

  for (const match of source.matchAll(ABSOLUTE)) {
    found.push({ index: match.index, text: match[0], reason: 'an absolute path of this machine or a home folder' });
  }
  const relativeSpans: (readonly [number, number])[] = [];
  for (const match of source.matchAll(RELATIVE)) {
    relativeSpans.push([match.index, match.index + match[0].length]);
    if (climbsOut(path.posix.join(directory, match[0]))) {
      found.push({ index: match.index, text: match[0], reason: `climbs above the repository root from ${directory}` });
    }
  }
  for (const match of source.matchAll(SIBLING)) {
    const inResolvedPath = relativeSpans.some(([from, to]) => match.index >= from && match.index < to);
    if (!inResolvedPath) found.push({ index: match.index, text: match[0], reason: 'names the folder beside the repository' });
  }
  found.push(...climbingPathCalls(source, directory));

  return found.sort((a, b) => a.index - b.index).map(({ index, text, reason }) => ({ line: lineOf(source, index), text, reason }));
}
