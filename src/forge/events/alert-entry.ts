import { createAlertConsumer } from './alert-consumer';
import { forgeSyncDeps } from './forge-sync-deps';

/** The alerts queue's consumer as Forge calls it (see `manifest.yml`). */
export const onAlertJob = createAlertConsumer(forgeSyncDeps);
