/** Module keys from `manifest.yml` that one surface uses to send the user to another (checked by test/browser/manifest-keys.test.ts). */
export const PROJECT_PAGE_MODULE_KEY = 'support-hours-project-page';
