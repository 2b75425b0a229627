/**
 * What manifest.yml declares, read as YAML. Forge's full validation, which also wants the Custom UI builds
 * the resources point at, runs with the browser tier after the build (test/browser/forge-manifest.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
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
  permissions: z.object({
    scopes: z.array(z.string()),
    content: z.object({ styles: z.array(z.string()) }).optional(),
    external: z.object({ images: z.array(z.object({ address: z.string() })) }).optional(),
  }),
});
const functionModule = z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.int() });
const surfaceModule = z.looseObject({ key: z.string(), resource: z.string(), resolver: z.object({ function: z.string() }) });

const manifest = manifestShape.parse(parse(readFileSync(MANIFEST, 'utf8')));

function modulesOf(type: string) {
  return manifest.modules[type] ?? [];
}

describe('manifest.yml', () => {
  it('runs on a Node runtime Forge still deploys', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it('declares the six Custom UI surfaces with the keys the local runtime uses, each on the resolver function', () => {
    for (const surface of Object.values(SURFACES)) {
      const [module, ...others] = modulesOf(surface.type).map((entry) => surfaceModule.parse(entry));
      expect(others).toEqual([]);
      expect(module?.key).toBe(surface.moduleKey);
      expect(module?.resolver.function).toBe('resolver');
    }
    expect(surfaceModule.extend({ edit: z.object({ resource: z.string() }) }).parse(modulesOf('jira:dashboardGadget')[0]).edit.resource).toBe('gadget');
    expect(manifest.resources).toEqual([
      { key: 'issue-panel', path: 'static/issue-panel/build' },
      { key: 'project-page', path: 'static/project-page/build' },
      { key: 'project-settings', path: 'static/project-settings/build' },
      { key: 'gadget', path: 'static/gadget/build' },
      { key: 'portal-request', path: 'static/portal-request/build' },
      { key: 'portal-footer', path: 'static/portal-footer/build' },
    ]);
  });

  it('lets customers and unlicensed users (never anonymous visitors) use the portal surfaces, the footer on the Help Center and portal pages only', () => {
    const portalModule = z.looseObject({ unlicensedAccess: z.array(z.string()), pages: z.array(z.string()).optional() });
    const request = portalModule.parse(modulesOf(SURFACES.portalRequestPanel.type)[0]);
    const footer = portalModule.parse(modulesOf(SURFACES.portalFooter.type)[0]);
    expect([request.unlicensedAccess, footer.unlicensedAccess]).toEqual([
      ['customer', 'unlicensed'],
      ['customer', 'unlicensed'],
    ]);
    expect(footer.pages).toEqual(['help_center', 'portal']);
  });

  it('indexes the support-plan issue property under the search aliases the JQL uses', () => {
    expect(modulesOf('jira:entityProperty')).toEqual([
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
    expect(modulesOf('trigger').map((trigger) => [trigger.function, trigger.events])).toEqual([
      ['worklog-event', ['avi:jira:created:worklog', 'avi:jira:updated:worklog', 'avi:jira:deleted:worklog']],
      ['issue-created', ['avi:jira:created:issue']],
      ['issue-updated', ['avi:jira:updated:issue']],
    ]);
    expect(modulesOf('scheduledTrigger').map((trigger) => [trigger.function, trigger.interval])).toEqual([['reconcile', 'hour']]);
    expect(modulesOf('consumer').map((consumer) => [consumer.queue, consumer.function])).toEqual([
      [SYNC_QUEUE_KEY, 'sync-job'],
      [BULK_QUEUE_KEY, 'bulk-link'],
      [ALERTS_QUEUE_KEY, 'alert-job'],
    ]);
  });

  it('points every function at an export of src/forge/index.ts, within Forge\'s time limits', () => {
    const functions = modulesOf('function').map((entry) => functionModule.parse(entry));
    expect(functions.map((fn) => fn.handler.replace('forge/index.', '')).sort()).toEqual(Object.keys(forgeEntry).sort());
    const uiAndEvents = new Set(['resolver', 'worklog-event', 'issue-created', 'issue-updated', 'transition-validator']);
    for (const fn of functions) {
      expect(fn.timeoutSeconds).toBeLessThanOrEqual(uiAndEvents.has(fn.key) ? 25 : 900);
    }
  });

  it('offers the hard stop as a workflow validator on its own function, for company-managed workflows (Forge\'s default)', () => {
    expect(modulesOf('jira:workflowValidator')).toEqual([
      expect.objectContaining({ key: 'support-plan-hard-stop', name: 'Support plan has hours left', function: 'transition-validator' }),
    ]);
    expect(modulesOf('jira:workflowValidator')[0]).not.toHaveProperty('expression');
  });

  it('declares the custom entity that KvsStore keeps every value in', () => {
    expect(manifest.app.storage.entities).toEqual([KVS_STORE_ENTITY_MANIFEST]);
  });

  it('asks for the least Jira scopes the app uses (see docs/readme/60-backend.md)', () => {
    expect(manifest.permissions.scopes).toEqual(['read:jira-work', 'write:jira-work', 'read:jira-user', 'read:servicedesk-request', 'manage:servicedesk-customer', 'storage:app']);
    expect(manifest.permissions.content?.styles).toEqual(['unsafe-inline']);
    // Frames may load images only from Jira's avatar hosts, for the avatars beside people's names.
    expect(manifest.permissions.external?.images).toEqual([{ address: 'https://*.prod.public.atl-paas.net' }, { address: 'https://secure.gravatar.com' }]);
  });
});
