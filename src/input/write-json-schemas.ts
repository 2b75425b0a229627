/** `npm run schemas`: regenerates schemas/*.schema.json from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFiles } from './json-schemas';

const schemasFolder = join(__dirname, '..', '..', 'schemas');
for (const [fileName, text] of Object.entries(jsonSchemaFiles())) writeFileSync(join(schemasFolder, fileName), text);
