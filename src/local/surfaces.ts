/** The app's surfaces as `manifest.yml` declares them: module type and key (the manifest test keeps them equal). */
export const SURFACES = {
  issuePanel: { type: 'jira:issuePanel', moduleKey: 'support-hours-issue-panel' },
  projectPage: { type: 'jira:projectPage', moduleKey: 'support-hours-project-page' },
  projectSettingsPage: { type: 'jira:projectSettingsPage', moduleKey: 'support-hours-project-settings' },
  dashboardGadget: { type: 'jira:dashboardGadget', moduleKey: 'support-hours-gadget' },
  portalRequestPanel: { type: 'jiraServiceManagement:portalRequestDetailPanel', moduleKey: 'support-hours-portal-request' },
  portalFooter: { type: 'jiraServiceManagement:portalFooter', moduleKey: 'support-hours-portal-footer' },
} as const;

export type SurfaceName = keyof typeof SURFACES;
