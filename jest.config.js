/** One in-memory database per run (global setup); each test file gets its own database in it. */
const os = require('node:os');
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: false }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@cakeday/shared$': '<rootDir>/../shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/target/'],
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/scripts/test/globalSetup.ts',
  globalTeardown: '<rootDir>/scripts/test/globalTeardown.ts',
  // Bounds against a hang, not expectations of speed: a loaded 2-core machine runs the concurrency tests ten times slower.
  testTimeout: 120_000,
  // Jest's default (one worker per core but one) runs a 2-core machine's suites one at a time, while the database's
  // thread and the jsdom suites leave room for a second: two workers at least.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  reporters: ['default', '<rootDir>/scripts/test/stdoutSummaryReporter.js'],
  projects: [
    { ...common, displayName: 'shared', rootDir: '<rootDir>/shared', testMatch: ['<rootDir>/src/**/*.test.ts'] },
    {
      ...common,
      displayName: 'bff',
      rootDir: '<rootDir>/bff',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      // HTTP answers must agree with the route table's declared errors (shared/src/api/routeErrors.ts).
      setupFilesAfterEnv: ['<rootDir>/src/test/failOnContractViolations.ts'],
    },
    {
      ...common,
      displayName: 'scripts',
      rootDir: '<rootDir>/scripts',
      testMatch: ['<rootDir>/**/*.test.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '/e2e/'],
    },
    '<rootDir>/miniapp/jest.config.js',
    '<rootDir>/console/jest.config.js',
  ],
};
