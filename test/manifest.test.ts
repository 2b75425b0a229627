import path from 'node:path';
import { validate } from '@forge/manifest';

describe('manifest.yml', () => {
  it('is a valid Forge manifest (full offline validation)', async () => {
    const result = await validate(false, path.join(__dirname, '..', 'manifest.yml'));
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('runs on a Node runtime Forge still deploys', async () => {
    const result = await validate(false, path.join(__dirname, '..', 'manifest.yml'));
    const runtime = (result.manifestObject?.typedContent as { app?: { runtime?: { name?: string } } } | undefined)?.app?.runtime?.name;
    expect(runtime).toBe('nodejs22.x');
  });
});
