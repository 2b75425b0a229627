import type { FullContext } from '@forge/bridge';

/** What the surfaces read from Forge's context; the extension part arrives untyped, so it is narrowed here once. */
export interface SurfaceContext {
  readonly accountId: string | null;
  readonly locale: string;
  /** The user's time zone; figures use the plan's own zone. */
  readonly timeZone: string;
  readonly moduleKey: string;
  readonly issueKey: string | null;
  readonly projectKey: string | null;
  /** The gadget's edit view rather than its view. */
  readonly isEditEntryPoint: boolean;
  /** The gadget's saved configuration, unparsed. */
  readonly gadgetConfiguration: unknown;
}

/** One property of an untyped value, or undefined. */
export function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value ? Reflect.get(value, name) : undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function toSurfaceContext(context: FullContext): SurfaceContext {
  const extension: unknown = context.extension;
  return {
    accountId: context.accountId ?? null,
    locale: context.locale.replace('_', '-'),
    timeZone: context.timezone,
    moduleKey: context.moduleKey,
    issueKey: text(field(field(extension, 'issue'), 'key')),
    projectKey: text(field(field(extension, 'project'), 'key')),
    isEditEntryPoint: field(extension, 'entryPoint') === 'edit',
    gadgetConfiguration: field(extension, 'gadgetConfiguration'),
  };
}
