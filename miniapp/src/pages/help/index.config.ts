export default definePageConfig({
  navigationBarTitleText: '生日助力',
  enableShareAppMessage: true,
});
