/**
 * Type checking is done once by `npm run typecheck` (tsc); jest only strips types, with swc (a fraction of
 * ts-jest's CPU time). The swc options mirror tsconfig.json: ES2022, CommonJS, standard decorators.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
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
