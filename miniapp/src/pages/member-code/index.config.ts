export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: '#c8343f',
  navigationBarTextStyle: 'white',
});
