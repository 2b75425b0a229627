import { contract, type DataOf, type Outcome, outcomeSchema, type PayloadOf, type ResolverName } from '../../../src/contract';
import type * as z from 'zod';
import { DEMO_USERS } from '../../../src/jira-simulator/demo/people';
import { previewWriteHeaders } from '../../support/preview-token';
import { MODULE_KEYS } from './frames';

const resultSchemas: { readonly [Name in ResolverName]: { readonly result: z.ZodType<DataOf<Name>> } } = contract;
const PROJECT = { id: '10000', key: 'SUP', type: 'software' };

/** Calls a resolver through the preview's bridge endpoint, as a project page or settings frame of the demo project would. */
export async function invokeAs<Name extends ResolverName>(
  previewUrl: string,
  accountId: string,
  name: Name,
  payload: PayloadOf<Name>,
  surface: 'projectPage' | 'projectSettings',
): Promise<Outcome<DataOf<Name>>> {
  const type = surface === 'projectPage' ? 'jira:projectPage' : 'jira:projectSettingsPage';
  const response = await fetch(`${previewUrl}/__preview/invoke`, {
    method: 'POST',
    headers: await previewWriteHeaders(previewUrl),
    body: JSON.stringify({
      functionKey: name,
      payload,
      context: { accountId, moduleKey: MODULE_KEYS[surface], locale: 'en-US', timezone: 'UTC', extension: { type, project: PROJECT } },
    }),
  });
  return outcomeSchema(resultSchemas[name].result).parse(await response.json());
}

/** Calls a resolver through the preview's bridge endpoint from any surface's context (`accountId` absent: anonymous). */
export async function invokeIn<Name extends ResolverName>(
  previewUrl: string,
  name: Name,
  payload: PayloadOf<Name>,
  context: { readonly accountId?: string; readonly moduleKey: string; readonly extension: Readonly<Record<string, unknown>> },
): Promise<Outcome<DataOf<Name>>> {
  const response = await fetch(`${previewUrl}/__preview/invoke`, {
    method: 'POST',
    headers: await previewWriteHeaders(previewUrl),
    body: JSON.stringify({ functionKey: name, payload, context: { locale: 'en-US', timezone: 'UTC', ...context } }),
  });
  return outcomeSchema(resultSchemas[name].result).parse(await response.json());
}

/** Calls Jira's REST API on the preview's simulator as the demo admin, with the write token the preview's own page sends. */
export async function previewJira(previewUrl: string, method: 'GET' | 'POST' | 'PUT', resource: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${previewUrl}/rest/api/3/${resource}`, {
    method,
    headers: { ...(await previewWriteHeaders(previewUrl)), authorization: `Basic ${Buffer.from(`${DEMO_USERS.admin.email}:${DEMO_USERS.admin.apiToken}`).toString('base64')}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${resource}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}
