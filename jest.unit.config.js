/**
 * `npm run test:unit`: every jest test outside test/browser/, in a few jest test files (test/unit-tier/, see
 * test/support/unit-tier.ts) that each run a share of them in one module registry, and the `*.isolated.test.ts`
 * files one registry each. `npx jest <file>` (jest.config.js) still runs any one file on its own.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/unit-tier/*.unit-tier.ts', '**/*.isolated.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
};
