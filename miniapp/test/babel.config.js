// Jest only: CommonJS for Node, with the same NutUI on-demand imports as the build (babel.config.js).
const nutuiPackage = '@nutui/nutui-react-taro/dist/es/packages';

module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-typescript', { isTSX: true, allExtensions: true }],
    ['@babel/preset-react', { runtime: 'automatic' }],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${nutuiPackage}/${name.toLowerCase()}`,
        style: false,
      },
      'nutui-react-taro',
    ],
  ],
};
