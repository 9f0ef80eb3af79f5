// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// babel-plugin-import rewrites `import { Button } from '@nutui/nutui-react-taro'` to the component's own
// module and its CSS, so that only the NutUI components we use reach the bundle.
const nutuiPackage = '@nutui/nutui-react-taro/dist/es/packages';

module.exports = {
  // Fast refresh needs the dev server's runtime: only `--watch` (npm run dev) has it; a one-off development
  // build (the e2e run) would otherwise ship $RefreshReg$ calls with nothing behind them.
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: process.argv.includes('--watch') }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${nutuiPackage}/${name.toLowerCase()}`,
        customStyleName: (name) => `${nutuiPackage}/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
