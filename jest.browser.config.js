/**
 * `npm run test:browser`: the files under test/browser/ with the jest settings of every other test, plus one
 * Chromium and one seeded demo site started before the first file and shared by all (test/browser/support/
 * shared-browser.ts). Each file still gets its own preview on its own copy of the demo site.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  globalSetup: '<rootDir>/test/browser/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/support/global-teardown.ts',
};
