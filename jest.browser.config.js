/**
 * `npm run test:browser`: the files under test/browser/ with the jest settings of every other test, plus one
 * Chromium and one seeded demo site started before the first file and shared by all (test/browser/support/
 * shared-browser.ts). Each file still gets its own preview on its own copy of the demo site.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  // A browser test file mostly waits on Chromium and its preview, which run in processes of their own: three files at
  // once keep two cores busier than two did (measured one run after the other at load 7 to 15: 276 s -> 220 s wall).
  maxWorkers: 3,
  // The longest files first (a fresh clone has no durations of a last run for jest to order by).
  testSequencer: '<rootDir>/test/browser/support/longest-first-sequencer.cjs',
  // playwright-core once per worker rather than once per file (test/browser/support/playwright-environment.cjs).
  testEnvironment: '<rootDir>/test/browser/support/playwright-environment.cjs',
  moduleNameMapper: { ...base.moduleNameMapper, '^playwright-core$': '<rootDir>/test/browser/support/playwright-of-the-worker.cjs' },
  globalSetup: '<rootDir>/test/browser/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/support/global-teardown.ts',
};
