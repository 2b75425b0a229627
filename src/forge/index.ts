/** The Forge entry: every function `manifest.yml` names, re-exported from where it lives. */
export { resolver, bulkConsumer } from './resolvers/forge-handlers';
export { onWorklogEvent, onIssueCreated, onIssueUpdated, onReconcile, onSyncJob } from './events';
export { onAlertJob } from './events/alert-entry';
export { onTransitionValidate } from './events/validator-entry';
