const path = require('node:path');

/** The mini-program's component and hook tests: jsdom, babel-jest, and the H5 flavour of platform files. */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'miniapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/scripts/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(m?js|jsx|ts|tsx)$': ['babel-jest', { configFile: path.join(__dirname, 'test/babel.config.js') }] },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@nutui|@stencil|tslib|@swc/helpers|lodash-es|swiper|ssr-window|dom7|query-string|decode-uri-component|split-on-first|filter-obj|nanoid|\\.pnpm)/)'],
  // Platform files resolve as in the H5 build: `./login` finds login.h5.ts.
  moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'json'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taroStandIn.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react/index',
    '^lodash-es$': 'lodash',
    '^@cakeday/shared$': '<rootDir>/../shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '\\.(css|scss)$': '<rootDir>/test/styleStub.js',
  },
  setupFiles: ['<rootDir>/test/buildGlobals.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setupAfterEnv.ts'],
};
