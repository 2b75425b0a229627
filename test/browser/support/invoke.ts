import { contract, type DataOf, type Outcome, outcomeSchema, type PayloadOf, type ResolverName } from '../../../src/contract';
import type { z } from 'zod';
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
