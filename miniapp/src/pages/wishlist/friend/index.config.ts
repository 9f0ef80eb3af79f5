export default definePageConfig({
  navigationBarTitleText: '好友的生日心愿',
});
