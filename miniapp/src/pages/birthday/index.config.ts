export default definePageConfig({
  navigationBarTitleText: '生日设置',
});
