import { forgeSyncDeps } from './forge-sync-deps';
import { createSyncHandlers } from './sync-handlers';

/** The sync functions as Forge calls them (see `manifest.yml`). */
export const { onWorklogEvent, onIssueCreated, onIssueUpdated, onReconcile, onSyncJob } = createSyncHandlers(forgeSyncDeps);
