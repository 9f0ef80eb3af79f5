export default defineAppConfig({
  pages: ['pages/home/index', 'pages/mall/index', 'pages/community/index', 'pages/me/index'],
  subPackages: [
    { root: 'pages/birthday', pages: ['index'] },
    { root: 'pages/points', pages: ['index'] },
    { root: 'pages/privacy', pages: ['index'] },
    { root: 'pages/profile', pages: ['index'] },
    { root: 'pages/rules', pages: ['index', 'tiers/index'] },
    { root: 'pages/stores', pages: ['index'] },
    { root: 'pages/service', pages: ['faq/index', 'agreement/index', 'privacy-policy/index'] },
    { root: 'pages/mall-item', pages: ['index'] },
    { root: 'pages/orders', pages: ['index', 'detail/index'] },
    { root: 'pages/coupons', pages: ['index'] },
    { root: 'pages/messages', pages: ['index', 'settings/index'] },
    { root: 'pages/writeoff', pages: ['index'] },
    { root: 'pages/member-code', pages: ['index'] },
    { root: 'pages/purchases', pages: ['index'] },
    // Share landing pages (SHARE_LANDING_PAGES in shared/) sit beside the owner's page of the same feature.
    { root: 'pages/wishlist', pages: ['index', 'friend/index'] },
    { root: 'pages/help', pages: ['index', 'card/index'] },
    { root: 'pages/referral', pages: ['index', 'landing/index'] },
    // The community's own pages; its feed is a tab, so it stays in the main package.
    { root: 'pages/community-post', pages: ['index', 'compose/index'] },
    // Ratings of orders and write-offs, and the NPS question campaigns link to.
    { root: 'pages/satisfaction', pages: ['rate/index', 'nps/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#fff8f3',
    navigationBarBackgroundColor: '#fff8f3',
    navigationBarTitleText: 'Cakeday 会员',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#76665b',
    selectedColor: '#c8343f',
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
  // 门店 orders stores nearest first with the member's position, asked only when they tap 离我最近.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于按距离为你排列附近的门店' } },
  // Phone binding asks for the privacy agreement first (onNeedPrivacyAuthorization).
  __usePrivacyCheck__: true,
});
