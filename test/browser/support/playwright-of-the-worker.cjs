/**
 * What a browser-tier file gets for `import … from 'playwright-core'` (jest.browser.config.js maps it here): the
 * playwright-core its worker loaded once (playwright-environment.cjs); under any other environment (a file run with
 * jest.config.js), playwright-core itself.
 */
module.exports = globalThis.supportHoursPlaywright ?? require('../../../node_modules/playwright-core');
