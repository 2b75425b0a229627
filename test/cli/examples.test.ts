import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleFileContents, generateExamples } from '../../examples/generate';

describe('examples/generate.ts', () => {
  it.each(generateExamples().map((example) => [example.scenario, example] as const))(
    'reproduces the committed examples/%s exactly (run npm run examples)',
    (scenario, example) => {
      for (const [file, contents] of Object.entries(exampleFileContents(example))) {
        expect(readFileSync(join(__dirname, '..', '..', 'examples', scenario, file), 'utf8')).toBe(contents);
      }
    },
  );
});
