/**
 * Forge's own offline validation of manifest.yml. It checks that every resource path exists, so it runs in the
 * browser tier, after `npm run build:static` has built the Custom UI (test/manifest.test.ts reads the rest).
 */
import path from 'node:path';
import { validate } from '@forge/manifest';

const MANIFEST = path.join(__dirname, '..', '..', 'manifest.yml');

describe('manifest.yml with the Custom UI built', () => {
  it('is a valid Forge manifest (full offline validation)', async () => {
    const result = await validate(false, MANIFEST);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });
});
