export default defineAppConfig({
  pages: ['pages/home/index', 'pages/mall/index', 'pages/community/index', 'pages/me/index'],
  subPackages: [
    { root: 'pages/birthday', pages: ['index'] },
    { root: 'pages/points', pages: ['index'] },
    { root: 'pages/privacy', pages: ['index'] },
    { root: 'pages/mall-item', pages: ['index'] },
    { root: 'pages/orders', pages: ['index', 'detail/index'] },
    { root: 'pages/coupons', pages: ['index'] },
    { root: 'pages/writeoff', pages: ['index'] },
    // Share landing pages (SHARE_LANDING_PAGES in shared/) sit beside the owner's page of the same feature.
    { root: 'pages/wishlist', pages: ['index', 'friend/index'] },
    { root: 'pages/help', pages: ['index', 'card/index'] },
    { root: 'pages/referral', pages: ['index', 'landing/index'] },
    // The community's own pages; its feed is a tab, so it stays in the main package.
    { root: 'pages/community-post', pages: ['index', 'compose/index'] },
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
    // 81×81 PNGs drawn by scripts/tabbarIcons.ts.
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/mall/index', text: '积分商城', iconPath: 'assets/tabbar/mall.png', selectedIconPath: 'assets/tabbar/mall-active.png' },
      { pagePath: 'pages/community/index', text: '社区', iconPath: 'assets/tabbar/community.png', selectedIconPath: 'assets/tabbar/community-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  // H5 only: no page slide. Taro's H5 router slides a page in by adding classes to its element on a timer, and a
  // page of a subpackage loaded after that timer stays translated off-screen (seen after a reload in the e2e run).
  animation: false,
  // Phone binding asks for the privacy agreement first (onNeedPrivacyAuthorization).
  __usePrivacyCheck__: true,
});
