import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import { buildEnv } from './env';

/** NutUI's styles are drawn for a 375 px design; ours for 750. */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input ? (input.file ?? '') : '';
  return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const production = process.env.NODE_ENV === 'production';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'cakeday',
    date: '2026-1-1',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per platform, so that the weapp and h5 builds never overwrite each other.
    outputRoot: process.env.E2E_H5_OUT ?? `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: buildEnv(process.env, production),
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      // Components' styles are independent of each other, so their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        sharedWithoutSideEffects(chain);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
      devServer: { host: '127.0.0.1', port: Number(process.env.H5_PORT ?? 10086), open: false },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        sharedWithoutSideEffects(chain);
      },
    },
  };
  return merge({}, baseConfig, production ? { mini: {}, h5: {} } : { logger: { quiet: false, stats: false } });
});

interface RuleChain {
  module: { rule(name: string): { test(pattern: RegExp): { set(key: 'sideEffects', value: boolean): unknown } } };
}

/**
 * @cakeday/shared's index re-exports the zod schemas of the route table; the mini-program uses only its
 * types and pure rules. Declaring the built package free of side effects lets webpack drop the schemas (and zod).
 */
function sharedWithoutSideEffects(chain: RuleChain): void {
  chain.module.rule('cakeday-shared').test(/[\\/]shared[\\/]dist[\\/].*\.js$/).set('sideEffects', false);
}
