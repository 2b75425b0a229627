/**
 * The Custom UI resources Forge deploys, one folder each (the paths `manifest.yml` names),
 * and the preview's own pages, which are never deployed.
 */
export const SURFACES = ['issue-panel', 'project-page', 'project-settings', 'gadget', 'portal-request', 'portal-footer'] as const;

export const PREVIEW_HOST = 'preview-host';
