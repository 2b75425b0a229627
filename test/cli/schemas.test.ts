import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { jsonSchemaFiles } from '../../src/input/json-schemas';

const root = join(__dirname, '..', '..');
const readText = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');
const readJson = (...path: string[]): unknown => JSON.parse(readText(...path));

describe('published JSON Schemas', () => {
  it.each(Object.entries(jsonSchemaFiles()))('schemas/%s is what the zod schemas generate (run npm run schemas)', (fileName, text) => {
    expect(readText('schemas', fileName)).toBe(text);
  });

  describe('validate the examples', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validatorFor = (fileName: string) => ajv.compile(JSON.parse(readText('schemas', fileName)));
    const plan = validatorFor('plan.schema.json');
    const links = validatorFor('links.schema.json');
    const worklogs = validatorFor('worklogs.schema.json');

    it.each(['contract-300h', 'payg', 'mixed'])('accept examples/%s', (scenario) => {
      expect([
        plan(readJson('examples', scenario, 'plan.json')),
        links(readJson('examples', scenario, 'links.json')),
        worklogs(readJson('examples', scenario, 'worklogs.json')),
      ]).toEqual([true, true, true]);
    });

    it('accept examples/amended/candidates.json and reject a top-up block under an hour', () => {
      const candidates = validatorFor('candidates.schema.json');
      expect(candidates(readJson('examples', 'amended', 'candidates.json'))).toBe(true);
      expect(candidates({ candidates: [{ name: 'tiny blocks', terms: { blocks: { topUpSeconds: 1800, priceMinor: 1 } } }] })).toBe(false);
    });

    it('reject an unknown field, a negative rate and a missing purchase date', () => {
      const base = { id: 'p', name: 'P', currency: 'EUR', timeZone: 'UTC', startDate: '2026-01-01', extraRateMinor: 0 };
      expect(plan({ ...base, kind: 'pay-as-you-go', hourlyRateMinor: 100, colour: 'red' })).toBe(false);
      expect(plan({ ...base, kind: 'pay-as-you-go', hourlyRateMinor: -1 })).toBe(false);
      expect(plan({ ...base, kind: 'buckets', overageRateMinor: 1, blocks: [{ id: 'b', seconds: 3600 }] })).toBe(false);
      expect(plan({ ...base, kind: 'buckets', overageRateMinor: 1, blocks: [{ id: 'b', seconds: 3600, purchasedOn: '2026-02-01' }] })).toBe(true);
    });
  });
});
