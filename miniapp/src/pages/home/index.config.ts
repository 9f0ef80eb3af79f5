export default definePageConfig({
  navigationBarTitleText: 'Cakeday 会员',
  enablePullDownRefresh: true,
});
