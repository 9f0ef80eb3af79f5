export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: '#e8505b',
  navigationBarTextStyle: 'white',
});
