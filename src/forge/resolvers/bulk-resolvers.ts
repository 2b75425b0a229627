import type Resolver from '@forge/resolver';
import { bulkStatus } from '../../app/bulk/bulk-status';
import { previewBulkLink } from '../../app/bulk/preview-bulk-link';
import { startBulkLink } from '../../app/bulk/start-bulk-link';
import { asProjectAdmin } from './access';
import { defineResolver } from './define-resolver';
import type { BackendServices } from './services';

export function defineBulkResolvers(resolver: Resolver, services: BackendServices): void {
  defineResolver(resolver, 'bulk/preview', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    if (!admin.ok) return admin;
    return previewBulkLink({ store: services.store, clock: services.clock, userJira: services.userJira(context), newId: services.newJobId }, admin.data, payload.jql);
  });

  defineResolver(resolver, 'bulk/link', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? startBulkLink({ ...services, userJira: services.userJira(context) }, admin.data, payload) : admin;
  });

  defineResolver(resolver, 'bulk/status', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? bulkStatus(services.store, admin.data.project, payload.jobId) : admin;
  });
}
