import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import * as z from 'zod';
import { SURFACE_MODULE_TYPES, UNLICENSED_USER_TYPES } from './protocol';

/** The parts of `manifest.yml` the preview needs to show the app as Jira would. */
const manifestSchema = z.object({
  app: z.object({ id: z.string() }),
  modules: z.record(z.string(), z.array(z.looseObject({ key: z.string() }))),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
});

const surfaceModuleSchema = z.object({
  key: z.string(),
  resource: z.string(),
  /** The portal footer has none: Jira shows it without a heading. */
  title: z.union([z.string(), z.object({ i18n: z.string() })]).optional(),
  edit: z.object({ resource: z.string() }).optional(),
  unlicensedAccess: z.array(z.enum(UNLICENSED_USER_TYPES)).default([]),
});

export interface ManifestSurface {
  readonly type: (typeof SURFACE_MODULE_TYPES)[number];
  readonly key: string;
  readonly title: string;
  readonly resourceKey: string;
  readonly editResourceKey?: string;
  readonly unlicensedAccess: readonly (typeof UNLICENSED_USER_TYPES)[number][];
}

export interface ManifestSurfaces {
  readonly appId: string;
  /** Resource key → its build folder, relative to the project root. */
  readonly resources: ReadonlyMap<string, string>;
  readonly surfaces: readonly ManifestSurface[];
}

export async function readManifestSurfaces(manifestPath: string): Promise<ManifestSurfaces> {
  const manifest = manifestSchema.parse(parse(await readFile(manifestPath, 'utf8')));
  const surfaces = SURFACE_MODULE_TYPES.flatMap((type) =>
    (manifest.modules[type] ?? []).map((entry): ManifestSurface => {
      const module = surfaceModuleSchema.parse(entry);
      return {
        type,
        key: module.key,
        title: module.title === undefined ? module.key : typeof module.title === 'string' ? module.title : module.title.i18n,
        resourceKey: module.resource,
        unlicensedAccess: module.unlicensedAccess,
        ...(module.edit === undefined ? {} : { editResourceKey: module.edit.resource }),
      };
    }),
  );
  const appId = manifest.app.id.split('/').at(-1) ?? manifest.app.id;
  return { appId, resources: new Map(manifest.resources.map((resource) => [resource.key, resource.path])), surfaces };
}
