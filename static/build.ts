/** Builds every surface into the folder `manifest.yml` names, then the preview's host page and frame bridge. */
import { build } from 'vite';
import { PREVIEW_HOST, SURFACES } from './surfaces';
import { frameBridgeConfig, pageConfig } from './vite.config';

// A build started from jest (NODE_ENV=test) would otherwise ship React's development build.
process.env.NODE_ENV = 'production';

for (const folder of [...SURFACES, PREVIEW_HOST]) {
  await build(pageConfig(folder));
}
await build(frameBridgeConfig());
