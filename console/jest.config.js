/** The console's component tests: jsdom, @swc/jest for TSX, the shared package from its source. */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'console',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Dependencies load as CommonJS through their `node` export conditions; ECharts and zrender ship ES modules only
  // (the dashboards import `echarts/core` to stay small), so they are compiled like our code.
  transformIgnorePatterns: ['/node_modules/(?!(echarts|zrender)/)'],
  moduleNameMapper: {
    '^@cakeday/shared$': '<rootDir>/../shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '\\.(css|less)$': '<rootDir>/test/styleStub.js',
  },
  setupFiles: ['<rootDir>/test/browserStubs.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setupAfterEnv.ts'],
};
