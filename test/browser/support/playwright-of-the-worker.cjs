/**
 * What a browser-tier file gets for `import … from 'playwright-core'`: jest.browser.config.js maps it here, to the
 * playwright-core its worker loaded once (playwright-environment.cjs). Any other configuration leaves playwright-core
 * unmapped.
 */
const playwright = globalThis.supportHoursPlaywright;
if (playwright === undefined) {
  throw new Error('playwright-of-the-worker.cjs serves the browser tier: run it with jest.browser.config.js, whose test environment loads playwright-core');
}
module.exports = playwright;
