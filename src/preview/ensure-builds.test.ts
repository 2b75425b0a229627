import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuilds } from './ensure-builds';

const SOURCE_FOLDERS = ['static', 'src/contract', 'src/input', 'src/ledger', 'src/cli', 'src/preview'];
const BUILDS = ['static/issue-panel/build', 'static/preview-host/build'];

/** A project whose sources were last changed at `sourcesAt` and whose builds (when `builtAt` is given) were made then. */
function project(sourcesAt: Date, builtAt?: Date): string {
  const root = mkdtempSync(path.join(tmpdir(), 'support-hours-builds-'));
  for (const folder of SOURCE_FOLDERS) {
    mkdirSync(path.join(root, folder), { recursive: true });
    const file = path.join(root, folder, 'source.ts');
    writeFileSync(file, '');
    utimesSync(file, sourcesAt, sourcesAt);
  }
  if (builtAt !== undefined) {
    for (const folder of BUILDS) {
      mkdirSync(path.join(root, folder), { recursive: true });
      const file = path.join(root, folder, 'index.html');
      writeFileSync(file, '');
      utimesSync(file, builtAt, builtAt);
    }
  }
  return root;
}

/** A build that "takes" 38 s on a fake clock, with everything said and done recorded in order. */
function recorder() {
  const events: string[] = [];
  let clock = 1_000;
  return {
    events,
    options: {
      log: (line: string) => events.push(`log: ${line}`),
      now: () => clock,
      build: async (root: string) => {
        events.push(`build ${root}`);
        clock += 38_000;
      },
    },
  };
}

describe('ensureBuilds', () => {
  const monday = new Date('2026-10-05T09:00:00Z');
  const tuesday = new Date('2026-10-06T09:00:00Z');

  it('says what it builds and how long it took when there is no build yet', async () => {
    const { events, options } = recorder();
    const root = project(monday);
    expect(await ensureBuilds(root, BUILDS, 4, options)).toBe(true);
    expect(events).toEqual([
      'log: Building the 4 surfaces and the preview page (first run, or their sources changed; about 40 s)…',
      `build ${root}`,
      'log: Built the front end in 38 s.',
    ]);
  });

  it('builds again, saying so, when a source changed after the build', async () => {
    const { events, options } = recorder();
    expect(await ensureBuilds(project(tuesday, monday), BUILDS, 4, options)).toBe(true);
    expect(events).toHaveLength(3);
  });

  it('says and does nothing when the builds are newer than every source', async () => {
    const { events, options } = recorder();
    expect(await ensureBuilds(project(monday, tuesday), BUILDS, 4, options)).toBe(false);
    expect(events).toEqual([]);
  });
});
