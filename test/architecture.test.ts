/**
 * Keeps the dependency direction of the architecture: ledger ← app ← adapters/forge.
 * Reads every import specifier of the source tree and checks it against each layer's allowance.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Each import of a file, as a path relative to src/ for local modules or the package name otherwise. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => {
    const specifier = match[1] ?? match[2] ?? match[3] ?? '';
    return specifier.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), specifier)) : specifier;
  });
}

function violations(layer: string, allowed: (specifier: string) => boolean): string[] {
  return sourceFiles(path.join(SRC, layer)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => !allowed(specifier))
      .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`),
  );
}

/** Source files (relative to src/) whose text matches the pattern. */
function filesMatching(pattern: RegExp): string[] {
  return sourceFiles(SRC)
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(SRC, file))
    .sort();
}

const within = (...layers: string[]) => (s: string) => layers.some((layer) => s === layer || s.startsWith(`${layer}/`));

/** The one JQL builder; the simulator is a Jira, so it reads JQL rather than writing it. */
const JQL_BUILDER = path.join(SRC, 'app', 'ports', 'jql.ts');
const JQL_READERS = path.join(SRC, 'jira-simulator');
/** Code without its comments, so examples in JSDoc don't count. Crude, but only ever errs towards flagging less. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
/** A literal that holds a JQL comparison (`project = …`, `id >= …`) or an ORDER BY, i.e. JQL written by hand. */
const JQL_TEXT =
  /(['"`])[^'"`\n]*(?<![[\w.])(?:supportPlan|supportBillingClass|worklogDate|worklogAuthor|issuekey|issue\.property|project|id|key|summary|created|updated)\s*(?:!=|>=|<=|=|>|<|!?~|\s(?:not\s+)?in\s)|\b(?:ORDER|order)\s+(?:BY|by)\b/;
const JQL_CAST = /\bas\s+Jql(?:Clause)?\b|<Jql(?:Clause)?>/;

function handWrittenJql(): string[] {
  return sourceFiles(SRC)
    .filter((file) => file !== JQL_BUILDER && !file.startsWith(`${JQL_READERS}${path.sep}`))
    .flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .filter((line) => JQL_TEXT.test(line) || JQL_CAST.test(line))
        .map((line) => `${path.relative(SRC, file)}: ${line.trim()}`),
    );
}

describe('architecture', () => {
  it('keeps the ledger pure: only date libraries and its own files', () => {
    // date-fns is imported one function at a time (`date-fns/addMonths`): its index loads every function, slowing the CLI's start.
    expect(violations('ledger', (s) => within('ledger')(s) || /^date-fns\/\w+$/.test(s) || s === '@date-fns/tz')).toEqual([]);
  });

  it('keeps use cases free of Forge, adapters and I/O', () => {
    expect(
      violations('app', (s) => within('app', 'ledger', 'input', 'contract', 'collections', 'date-fns')(s) || ['zod', '@date-fns/tz'].includes(s)),
    ).toEqual([]);
  });

  it('keeps the shared list helpers pure: nothing but their own files', () => {
    expect(violations('collections', within('collections'))).toEqual([]);
  });

  it('keeps the resolver contract importable by a browser bundle', () => {
    // The plan schema is shared with the input formats (zod + date-fns, both browser-safe), so there is one plan schema.
    expect(violations('contract', (s) => within('contract', 'ledger/types', 'input')(s) || s === 'zod')).toEqual([]);
  });

  it('keeps the printable statement pure and browser-safe: ledger types, exact decimals, the parts of the balance and a line\'s factor only', () => {
    expect(violations('statement-print', within('statement-print', 'quantities', 'ledger/types', 'ledger/decimal-text', 'ledger/blocks-brought-in', 'ledger/line-factor'))).toEqual([]);
  });

  it('writes quantities in one browser-safe place: exact decimals and rounding from the ledger, nothing else', () => {
    expect(violations('quantities', within('quantities', 'ledger/decimal-text', 'ledger/money'))).toEqual([]);
  });

  it('writes JQL in one place: no other file spells out a JQL clause or makes a Jql out of text', () => {
    expect(handWrittenJql()).toEqual([]);
  });

  it('lets only the Forge edge and the adapters import Forge packages', () => {
    const forgeFree = ['ledger', 'app', 'input', 'contract', 'cli', 'jira-simulator'];
    expect(forgeFree.flatMap((layer) => violations(layer, (s) => !s.startsWith('@forge/')))).toEqual([]);
  });

  it('loads a plan named by a caller only through the one project guard', () => {
    // The raw reads by key answer any project's plan. Besides the repository, only the guard
    // (`loadPlanInProject`) and the sync side's scope module use them; the latter only for
    // background jobs on plan ids from the app's own records (`planOfJob`), and the purge of a
    // deleted plan, never on an id from a payload.
    const rawReaders = filesMatching(/\bload(?:Versioned)?Plan(?:ByInternalId)?\s*\(/);
    expect(rawReaders).toEqual(['app/plans/plan-in-project.ts', 'app/plans/plan-repository.ts', 'app/plans/purge-plan.ts', 'app/scope/plan-scope.ts']);
  });

  it('reads and writes the plan record only in the plan modules', () => {
    expect(filesMatching(/\bplanKey\s*\(/)).toEqual(['app/plans/plan-repository.ts', 'app/plans/plan-write.ts', 'app/plans/purge-plan.ts']);
  });
});
