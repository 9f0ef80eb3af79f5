export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index'],
  subPackages: [
    { root: 'pages/birthday', pages: ['index'] },
    { root: 'pages/points', pages: ['index'] },
    { root: 'pages/privacy', pages: ['index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#fff8f3',
    navigationBarBackgroundColor: '#fff8f3',
    navigationBarTitleText: 'Cakeday 会员',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8c7b70',
    selectedColor: '#e8505b',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  // Phone binding asks for the privacy agreement first (onNeedPrivacyAuthorization).
  __usePrivacyCheck__: true,
});
