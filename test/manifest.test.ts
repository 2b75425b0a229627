import path from 'node:path';
import { validate } from '@forge/manifest';
import { z } from 'zod';
import * as forgeEntry from '../src/forge';
import { SURFACES } from '../src/local/surfaces';
import { BULK_QUEUE_KEY } from '../src/app/bulk/bulk-job';
import { SYNC_QUEUE_KEY } from '../src/app/sync/sync-deps';
import { ALERTS_QUEUE_KEY } from '../src/app/alerts/alert-keys';
import { KVS_STORE_ENTITY_MANIFEST } from '../src/adapters/storage/kvs-store';

const MANIFEST = path.join(__dirname, '..', 'manifest.yml');

const keyed = z.looseObject({ key: z.string() });
const manifestShape = z.object({
  app: z.object({ runtime: z.object({ name: z.string() }), storage: z.object({ entities: z.array(z.unknown()) }) }),
  modules: z.record(z.string(), z.array(keyed)),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
  permissions: z.object({ scopes: z.array(z.string()), content: z.object({ styles: z.array(z.string()) }).optional() }),
});
const functionModule = z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.int() });
const surfaceModule = z.looseObject({ key: z.string(), resource: z.string(), resolver: z.object({ function: z.string() }) });

async function loadManifest() {
  const result = await validate(false, MANIFEST);
  return { result, manifest: manifestShape.parse(result.manifestObject?.typedContent) };
}

function modulesOf(manifest: z.infer<typeof manifestShape>, type: string) {
  return manifest.modules[type] ?? [];
}

describe('manifest.yml', () => {
  let loaded: Awaited<ReturnType<typeof loadManifest>>;
  beforeAll(async () => {
    loaded = await loadManifest();
  });

  it('is a valid Forge manifest (full offline validation)', () => {
    const { result } = loaded;
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('runs on a Node runtime Forge still deploys', () => {
    const { manifest } = loaded;
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it('declares the four Custom UI surfaces with the keys the local runtime uses, each on the resolver function', () => {
    const { manifest } = loaded;
    for (const surface of Object.values(SURFACES)) {
      const [module, ...others] = modulesOf(manifest, surface.type).map((entry) => surfaceModule.parse(entry));
      expect(others).toEqual([]);
      expect(module?.key).toBe(surface.moduleKey);
      expect(module?.resolver.function).toBe('resolver');
    }
    expect(surfaceModule.extend({ edit: z.object({ resource: z.string() }) }).parse(modulesOf(manifest, 'jira:dashboardGadget')[0]).edit.resource).toBe('gadget');
    expect(manifest.resources).toEqual([
      { key: 'issue-panel', path: 'static/issue-panel/build' },
      { key: 'project-page', path: 'static/project-page/build' },
      { key: 'project-settings', path: 'static/project-settings/build' },
      { key: 'gadget', path: 'static/gadget/build' },
    ]);
  });

  it('indexes the support-plan issue property under the search aliases the JQL uses', () => {
    const { manifest } = loaded;
    expect(modulesOf(manifest, 'jira:entityProperty')).toEqual([
      {
        key: 'support-plan-index',
        entityType: 'issue',
        propertyKey: 'support-plan',
        values: [
          { path: 'planId', type: 'string', searchAlias: 'supportPlan' },
          { path: 'billingClass', type: 'string', searchAlias: 'supportBillingClass' },
        ],
      },
    ]);
  });

  it('listens to worklog and issue events, reconciles on a schedule, and consumes both queues', () => {
    const { manifest } = loaded;
    expect(modulesOf(manifest, 'trigger').map((trigger) => [trigger['function'], trigger['events']])).toEqual([
      ['worklog-event', ['avi:jira:created:worklog', 'avi:jira:updated:worklog', 'avi:jira:deleted:worklog']],
      ['issue-created', ['avi:jira:created:issue']],
    ]);
    expect(modulesOf(manifest, 'scheduledTrigger').map((trigger) => [trigger['function'], trigger['interval']])).toEqual([['reconcile', 'hour']]);
    expect(modulesOf(manifest, 'consumer').map((consumer) => [consumer['queue'], consumer['function']])).toEqual([
      [SYNC_QUEUE_KEY, 'sync-job'],
      [BULK_QUEUE_KEY, 'bulk-link'],
      [ALERTS_QUEUE_KEY, 'alert-job'],
    ]);
  });

  it('points every function at an export of src/forge/index.ts, within Forge\'s time limits', () => {
    const { manifest } = loaded;
    const functions = modulesOf(manifest, 'function').map((entry) => functionModule.parse(entry));
    expect(functions.map((fn) => fn.handler.replace('forge/index.', '')).sort()).toEqual(Object.keys(forgeEntry).sort());
    const uiAndEvents = new Set(['resolver', 'worklog-event', 'issue-created']);
    for (const fn of functions) {
      expect(fn.timeoutSeconds).toBeLessThanOrEqual(uiAndEvents.has(fn.key) ? 25 : 900);
    }
  });

  it('declares the custom entity that KvsStore keeps every value in', () => {
    const { manifest } = loaded;
    expect(manifest.app.storage.entities).toEqual([KVS_STORE_ENTITY_MANIFEST]);
  });

  it('asks for the least Jira scopes the app uses (see docs/readme/60-backend.md)', () => {
    const { manifest } = loaded;
    expect(manifest.permissions.scopes).toEqual(['read:jira-work', 'write:jira-work', 'storage:app']);
    expect(manifest.permissions.content?.styles).toEqual(['unsafe-inline']);
  });
});
