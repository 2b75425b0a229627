/**
 * The bundle budget: no surface may ship more than 250 KB of gzipped JavaScript, chunks loaded on demand included.
 * Reads the surfaces as `npm run build:static` left them (test:browser builds them first).
 */
import path from 'node:path';
import { SURFACES } from '../../static/surfaces';
import { bundleSize, SURFACE_BUDGET_KB } from './support/bundle-sizes';

const STATIC_ROOT = path.resolve(__dirname, '..', '..', 'static');

describe.each(SURFACES)('the %s surface', (surface) => {
  it(`ships at most ${SURFACE_BUDGET_KB} KB of gzipped JavaScript`, async () => {
    const size = await bundleSize(STATIC_ROOT, surface);
    expect(size.initialKb).toBeGreaterThan(0);
    expect(size.allKb).toBeLessThanOrEqual(SURFACE_BUDGET_KB);
  });
});
