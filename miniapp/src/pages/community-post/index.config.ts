export default definePageConfig({
  navigationBarTitleText: '帖子',
});
