import type Resolver from '@forge/resolver';
import { archivePlan } from '../../app/plans/archive-plan';
import { createPlan } from '../../app/plans/create-plan';
import { deletePlan } from '../../app/plans/delete-plan';
import { loadPlanInProject } from '../../app/plans/plan-in-project';
import { listProjectPlans, loadPlanHistory } from '../../app/plans/plan-repository';
import { organizationChoices } from '../../app/plans/organization-choices';
import { setCustomerAccess } from '../../app/plans/set-customer-access';
import { setHardStop } from '../../app/plans/set-hard-stop';
import { setOrganizations } from '../../app/plans/set-organizations';
import { updatePlan } from '../../app/plans/update-plan';
import { asProjectAdmin, asProjectReader, asProjectReaderNotingAdmin } from './access';
import { defineResolver } from './define-resolver';
import type { BackendServices } from './services';

export function definePlanResolvers(resolver: Resolver, services: BackendServices): void {
  defineResolver(resolver, 'plans/list', async ({ payload, context }) => {
    const reader = await asProjectReaderNotingAdmin(services, context);
    if (!reader.ok) return reader;
    const plans = await listProjectPlans(services.store, reader.data.project.id);
    // A plan being deleted is listed (as such) until its purge has finished, so its key's state is visible.
    const listed = plans.filter((stored) => payload.includeArchived === true || stored.status !== 'archived');
    return { ok: true, data: { plans: listed, canAdminister: reader.data.canAdminister } };
  });

  defineResolver(resolver, 'plans/get', async ({ payload, context }) => {
    const reader = await asProjectReader(services, context);
    if (!reader.ok) return reader;
    const found = await loadPlanInProject(services.store, { projectId: reader.data.project.id }, payload.planId);
    if (!found.ok) return found;
    return { ok: true, data: { plan: found.data.stored, history: await loadPlanHistory(services.store, found.data.stored) } };
  });

  defineResolver(resolver, 'plans/create', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? createPlan({ ...services, newId: services.newJobId }, admin.data, payload.plan) : admin;
  });

  defineResolver(resolver, 'plans/update', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? updatePlan(services, admin.data, payload) : admin;
  });

  defineResolver(resolver, 'plans/setCustomerAccess', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? setCustomerAccess(services, admin.data, payload) : admin;
  });

  defineResolver(resolver, 'plans/setOrganizations', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? setOrganizations(services, admin.data, payload) : admin;
  });

  defineResolver(resolver, 'plans/organizationChoices', async ({ context }) => {
    const reader = await asProjectReader(services, context);
    return reader.ok ? { ok: true, data: await organizationChoices(services.appJira, reader.data.project.id) } : reader;
  });

  defineResolver(resolver, 'plans/attributeChoices', async ({ context }) => {
    const reader = await asProjectReader(services, context);
    return reader.ok ? { ok: true, data: await services.appJira.attributeChoices(reader.data.project.id) } : reader;
  });

  defineResolver(resolver, 'plans/setHardStop', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? setHardStop(services, admin.data, payload) : admin;
  });

  defineResolver(resolver, 'plans/archive', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? archivePlan(services, admin.data, payload) : admin;
  });

  defineResolver(resolver, 'plans/delete', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? deletePlan(services, admin.data, payload) : admin;
  });
}
