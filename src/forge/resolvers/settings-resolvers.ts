import type Resolver from '@forge/resolver';
import { clearProblems, loadProblems } from '../../app/jobs/problems';
import { loadInvalidLinks } from '../../app/scope/invalid-links';
import { loadProjectSettings, updateProjectSettings } from '../../app/settings/project-settings';
import { asProjectAdmin, asProjectReader } from './access';
import { defineResolver } from './define-resolver';
import type { BackendServices } from './services';

export function defineSettingsResolvers(resolver: Resolver, services: BackendServices): void {
  defineResolver(resolver, 'settings/get', async ({ context }) => {
    const reader = await asProjectReader(services, context);
    return reader.ok ? { ok: true, data: await loadProjectSettings(services.store, reader.data.project.id) } : reader;
  });

  defineResolver(resolver, 'settings/update', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? updateProjectSettings(services.store, admin.data.project, payload) : admin;
  });

  /** Alerts not (fully) emailed and parked background jobs of the project: its admins act on them. */
  defineResolver(resolver, 'settings/problems', async ({ context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? { ok: true, data: await loadProblems(services.store, admin.data.project.id) } : admin;
  });

  defineResolver(resolver, 'settings/clearProblems', async ({ payload, context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? { ok: true, data: await clearProblems(services.store, admin.data.project.id, payload.seenUpTo) } : admin;
  });

  /** The links to repair: they name plans this project does not have (their issues and keys are the project's own). */
  defineResolver(resolver, 'settings/invalidLinks', async ({ context }) => {
    const admin = await asProjectAdmin(services, context);
    return admin.ok ? { ok: true, data: await loadInvalidLinks(services.store, admin.data.project.id) } : admin;
  });
}
