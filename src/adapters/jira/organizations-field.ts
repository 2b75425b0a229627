/**
 * The id of Jira Service Management's Organizations field. Jira Cloud creates the field with each site, and
 * `customfield_10002` is the id Cloud sites show for it; the app assumes that id here and nowhere else (the simulator
 * gives its field the same id: docs/jira-simulator.md).
 */
export const ORGANIZATIONS_FIELD = 'customfield_10002';
