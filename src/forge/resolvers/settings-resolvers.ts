import type Resolver from '@forge/resolver';
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
}
