/**
 * `npm start`: builds the surfaces when their sources changed, starts the Jira simulator with
 * the demo site (kept in `.data/preview`; `--reset` starts over), the app's local runtime, and
 * the preview on 127.0.0.1 (answering only its own page), then prints its address. `--now`
 * stops the clock of the simulator and the app at one instant (the browser tests, demos of a date).
 */
import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Clock, fixedClock, systemClock } from '../app/ports/clock';
import { DEMO_PROJECT, DEMO_USERS } from '../jira-simulator/demo/people';
import { DEMO_HELP_PROJECT, DEMO_PORTAL_CUSTOMERS, DEMO_SERVICE_DESK } from '../jira-simulator/demo/service-desk';
import { JiraSimulator } from '../jira-simulator/simulator';
import { readJiraInstant } from '../ledger';
import { LOCAL_CLOUD_ID } from '../local/local-backend';
import { ensureBuilds } from './ensure-builds';
import { GadgetConfigurationFile } from './gadget-configuration-file';
import { readManifestSurfaces } from './manifest-surfaces';
import { startPreviewRuntime } from './preview-runtime';
import { startPreviewServer } from './preview-server';
import { seedDemo } from './seed-demo';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

const USAGE = `Usage: npm start -- [--reset] [--port <n>] [--data-dir <folder>] [--now <timestamp>]
  --reset            forget the saved demo site and start from fresh demo data
  --port <n>         listen on this port (default: any free port)
  --data-dir <path>  keep the demo site here (default: .data/preview)
  --now <timestamp>  a clock that stands still at this instant, e.g. 2026-11-16T12:00:00Z, for the
                     simulator and the app alike (default: the machine's clock); a fresh demo
                     site is laid out around that day`;

/** The machine's clock, or a stopped one at `--now`; null when `--now` is not a timestamp with an offset. */
function clockOf(now: string | undefined): Clock | null {
  if (now === undefined) return systemClock;
  const instant = readJiraInstant(now);
  return instant === null ? null : fixedClock(instant);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const clock = clockOf(values.now);
  if (clock === null) throw new Error(`--now must be a timestamp with an offset, e.g. 2026-11-16T12:00:00Z, not ${JSON.stringify(values.now)}\n${USAGE}`);
  const dataDir = path.resolve(PROJECT_ROOT, values['data-dir'] ?? path.join('.data', 'preview'));
  if (values.reset) await rm(dataDir, { recursive: true, force: true });

  const manifest = await readManifestSurfaces(path.join(PROJECT_ROOT, 'manifest.yml'));
  const buildFolders = [...new Set([...manifest.resources.values(), path.join('static', 'preview-host', 'build')])];
  await ensureBuilds(PROJECT_ROOT, buildFolders, manifest.resources.size, { log: (line) => console.log(line), now: () => performance.now() });

  const jiraDir = path.join(dataDir, 'jira');
  const fresh = !(await exists(jiraDir));
  if (!fresh && !(await exists(path.join(dataDir, 'kvs')))) {
    throw new Error(`${dataDir} was saved before the preview kept the app's data in the emulated Forge KVS; start over with npm start -- --reset`);
  }
  const simulator = await JiraSimulator.open({ dataDir: jiraDir, clock });
  const runtime = await startPreviewRuntime(simulator, path.join(dataDir, 'kvs'), clock);
  if (fresh) await seedDemo(simulator, runtime, new Date(clock.now()).toISOString().slice(0, 10));

  const server = await startPreviewServer(
    {
      projectRoot: PROJECT_ROOT,
      manifest,
      site: {
        siteUrl: 'https://support-hours-preview.atlassian.net',
        cloudId: LOCAL_CLOUD_ID,
        environmentId: 'local-preview',
        project: DEMO_PROJECT,
        serviceProject: { ...DEMO_HELP_PROJECT, serviceDeskId: DEMO_SERVICE_DESK.id },
        users: [...Object.values(DEMO_USERS), ...Object.values(DEMO_PORTAL_CUSTOMERS)].map((user) => ({
          role: user.accountId.replace(/^demo-/, ''),
          accountId: user.accountId,
          displayName: user.displayName,
          email: user.email,
          apiToken: user.apiToken,
          timeZone: user.timeZone,
          isProjectAdmin: (user.permissions[DEMO_PROJECT.id] ?? []).includes('ADMINISTER_PROJECTS'),
        })),
      },
      jira: (request) => simulator.handle(request),
      runtime,
      gadgetConfiguration: new GadgetConfigurationFile(dataDir),
    },
    values.port === undefined ? undefined : Number(values.port),
  );
  console.log(`Support Hours preview: ${server.url}/  (data in ${path.relative(PROJECT_ROOT, dataDir)}; Ctrl+C to stop)`);

  const stop = async () => {
    runtime.stop();
    await server.close();
    await simulator.idle();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
