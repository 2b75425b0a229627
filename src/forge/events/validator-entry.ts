import { forgeSyncDeps } from './forge-sync-deps';
import { createTransitionValidator } from './transition-validator';

/** The hard stop's workflow validator as Forge calls it (see `manifest.yml`). */
export const onTransitionValidate = createTransitionValidator(forgeSyncDeps);
