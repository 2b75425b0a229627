/** Builds every surface into the folder `manifest.yml` names, then the preview's host page and frame bridge. */
import { build } from 'vite';
import { PREVIEW_HOST, SURFACES } from './surfaces';
import { frameBridgeConfig, pageConfig } from './vite.config';

for (const folder of [...SURFACES, PREVIEW_HOST]) {
  await build(pageConfig(folder));
}
await build(frameBridgeConfig());
