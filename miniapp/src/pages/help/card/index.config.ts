export default definePageConfig({
  navigationBarTitleText: '为好友的生日助力',
});
