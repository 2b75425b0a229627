/**
 * Runs the Jira simulator with demo data on 127.0.0.1:
 *   npx tsx src/jira-simulator/serve.ts [--port N] [--data-dir DIR] [--seed N] [--size small|large] [--reset]
 * With --data-dir the site is kept in DIR and reused on the next start (unless --reset).
 */
import { parseArgs } from 'node:util';
import { generateDemo, type DemoSize } from './demo/generate';
import { loadDemo } from './demo/load';
import { JiraSimulator } from './simulator';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8990' },
      'data-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      size: { type: 'string', default: 'small' },
      reset: { type: 'boolean', default: false },
    },
  });
  const size = parseSize(values.size);
  const dataDir = values['data-dir'];
  const simulator = dataDir ? await JiraSimulator.open({ dataDir }) : new JiraSimulator();
  const fresh = simulator.snapshot().issues.length === 0;
  if (fresh || values.reset) {
    const demo = generateDemo({ seed: Number(values.seed), size, today: new Date().toISOString().slice(0, 10) });
    loadDemo(simulator, demo);
    await simulator.idle();
  }
  const server = await simulator.listen({ port: Number(values.port), host: '127.0.0.1' });
  const state = simulator.snapshot();
  console.log(`Jira simulator listening on ${server.url} (${state.issues.length} issues, ${state.worklogs.length} worklogs)`);
  console.log('Basic-auth credentials (e-mail : API token):');
  for (const user of state.users) console.log(`  ${user.email} : ${user.apiToken}  (${user.displayName})`);
  const stop = () => {
    void server.close().then(() => simulator.idle()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function parseSize(size: string | undefined): DemoSize {
  if (size === 'small' || size === 'large') return size;
  throw new Error(`--size must be small or large, not ${size}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
