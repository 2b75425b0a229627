import type Resolver from '@forge/resolver';
import { closePeriod } from '../../app/closing/close-period';
import { closedVersionSummary } from '../../app/usage/period-statement';
import type { ClosingPorts } from '../../app/closing/closing-ports';
import { listPlanPeriods } from '../../app/closing/period-states';
import { reopenPeriod } from '../../app/closing/reopen-period';
import { asProjectAdmin, asProjectReader, asProjectReaderNotingAdmin } from './access';
import { defineResolver } from './define-resolver';
import type { BackendServices } from './services';

/** Closing and reopening periods (project admins), their states and every frozen version (project readers). */
export function defineClosingResolvers(resolver: Resolver, services: BackendServices): void {
  const ports: ClosingPorts = { store: services.store, queue: services.queue, clock: services.clock, newId: services.newJobId };

  defineResolver(resolver, 'closing/list', async ({ payload, context }) => {
    const reader = await asProjectReaderNotingAdmin(services, context);
    return reader.ok ? listPlanPeriods(ports, reader.data, payload) : reader;
  });

  defineResolver(resolver, 'closing/close', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? closePeriod(ports, admin.data, payload) : admin;
  });

  defineResolver(resolver, 'closing/reopen', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? reopenPeriod(ports, admin.data, payload) : admin;
  });

  defineResolver(resolver, 'closing/version', async ({ payload, context }) => {
    const reader = await asProjectReader(services, context);
    return reader.ok ? closedVersionSummary(services, reader.data.project, payload) : reader;
  });
}
