import * as z from 'zod';
import { candidatesFileSchema } from './candidates';
import { issueLinksSchema } from './links';
import { planFileSchema } from './plan';
import { worklogInputSchema } from './worklogs';

/** zod marks `.readonly()` schemas (kept read-only for the ledger's types) `readOnly`, which to an editor means "not yours to write". */
function dropReadOnly({ jsonSchema }: { jsonSchema: { readOnly?: boolean } }): void {
  delete jsonSchema.readOnly;
}

function jsonSchemaText(schema: z.ZodType, title: string): string {
  const jsonSchema = { title, ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', override: dropReadOnly }) };
  return `${JSON.stringify(jsonSchema, null, 2)}\n`;
}

/**
 * The JSON Schema files under `schemas/`, generated from the zod schemas (the input side: what a
 * file may contain before defaults are filled in). Checks that JSON Schema cannot say, such as
 * a known IANA time zone or a block bought before the plan started, live only in the zod schemas.
 */
export function jsonSchemaFiles() {
  return {
    'plan.schema.json': jsonSchemaText(planFileSchema, 'Support Hours plan'),
    'candidates.schema.json': jsonSchemaText(candidatesFileSchema, 'Support Hours plan-fit advice candidates'),
    'links.schema.json': jsonSchemaText(issueLinksSchema, 'Support Hours issue links'),
    'worklogs.schema.json': jsonSchemaText(
      worklogInputSchema,
      'Jira worklogs: a PageOfWorklogs, an array of them, or an array of worklogs',
    ),
  };
}
