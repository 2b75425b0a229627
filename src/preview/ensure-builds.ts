import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const SKIPPED = new Set(['node_modules', 'build']);

/** The folders the surfaces and the host page are built from, theirs and the backend modules they import. */
const FRONT_END_SOURCES = ['static', ...['contract', 'input', 'ledger', 'cli', 'preview'].map((folder) => path.join('src', folder))];

/** Newest modification time of the files below `folder`, in ms. */
async function newestSource(folder: string): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((entry) => !SKIPPED.has(entry.name))
      .map(async (entry) => {
        const full = path.join(folder, entry.name);
        return entry.isDirectory() ? newestSource(full) : (await stat(full)).mtimeMs;
      }),
  );
  return Math.max(0, ...times);
}

async function builtAt(file: string): Promise<number> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether some build folder is missing or older than a source it is made from. */
async function buildsAreStale(projectRoot: string, buildFolders: readonly string[]): Promise<boolean> {
  const sources = Math.max(
    ...(await Promise.all(FRONT_END_SOURCES.map((folder) => newestSource(path.join(projectRoot, folder))))),
  );
  const builds = await Promise.all(buildFolders.map((folder) => builtAt(path.join(projectRoot, folder, 'index.html'))));
  return builds.some((time) => time < sources);
}

/** Runs `npm run build:static`, showing its output, and fails when it does. */
function buildStatic(projectRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build:static'], { cwd: projectRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build:static exited with ${code}`))));
  });
}

export interface BuildOptions {
  /** Where progress goes, one line at a time. */
  readonly log: (line: string) => void;
  /** Milliseconds, for the time the build took. */
  readonly now: () => number;
  /** Builds the front end; `npm run build:static` unless a test says otherwise. */
  readonly build?: (projectRoot: string) => Promise<void>;
}

/**
 * Builds the front end when a build folder is missing or older than its sources, saying so first:
 * the build takes about 40 s on a 2-core machine and `npm start` would otherwise sit silent.
 *
 * @param surfaceCount the Custom UI surfaces among `buildFolders` (the rest is the preview's own page)
 * @returns whether it built
 */
export async function ensureBuilds(
  projectRoot: string,
  buildFolders: readonly string[],
  surfaceCount: number,
  { log, now, build = buildStatic }: BuildOptions,
): Promise<boolean> {
  if (!(await buildsAreStale(projectRoot, buildFolders))) return false;
  log(`Building the ${surfaceCount} surfaces and the preview page (first run, or their sources changed; about 40 s)…`);
  const started = now();
  await build(projectRoot);
  log(`Built the front end in ${Math.round((now() - started) / 1000)} s.`);
  return true;
}
