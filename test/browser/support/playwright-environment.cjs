/**
 * The browser tier's test environment (jest.browser.config.js): jest's node environment, plus playwright-core loaded
 * once per jest worker instead of once per test file. Jest gives each test file a registry of its own, where requiring
 * playwright-core (7 MB of bundled JavaScript) costs half a CPU-second, and every Playwright call captures its caller's
 * stack through jest's source maps. Loaded here, with Node's own require, it stays in the worker's module cache;
 * playwright-of-the-worker.cjs, which jest maps `playwright-core` to for the files, hands it on. Types still come from
 * playwright-core itself. (JavaScript: jest loads environments with Node's require, untransformed.)
 */
const { TestEnvironment } = require('jest-environment-node');
const playwright = require('playwright-core');

/** The global the files' `playwright-core` is read from (playwright-of-the-worker.cjs). */
const PLAYWRIGHT_GLOBAL = 'supportHoursPlaywright';

class PlaywrightEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global[PLAYWRIGHT_GLOBAL] = playwright;
  }
}

module.exports = PlaywrightEnvironment;
