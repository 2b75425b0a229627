/**
 * Type checking is done once by `npm run typecheck` (tsc); jest only strips types, with swc (a fraction of
 * ts-jest's CPU time). The swc options mirror tsconfig.json: ES2022, CommonJS, standard decorators.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Only a backstop against a hang: no result may depend on elapsed time, and jest's 5 s default failed CPU-heavy
  // tests (a 1 MiB frozen statement, whole simulated sites) whenever the machine was busy (npm run test:stress).
  testTimeout: 60_000,
  // Jest's default leaves one core to itself, which on a 2-core machine means running every file in one process.
  maxWorkers: '100%',
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: false, decorators: true },
          target: 'es2022',
          transform: { decoratorVersion: '2022-03' },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
};
