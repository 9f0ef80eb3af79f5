export default definePageConfig({
  navigationBarTitleText: '生日心愿清单',
  enableShareAppMessage: true,
});
