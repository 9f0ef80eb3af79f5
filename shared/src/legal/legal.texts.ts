/**
 * The 会员协议 and 隐私政策 members are shown when joining and can read at any time (服务与帮助). A change of
 * wording is a new version. The facts here follow what the system does (see the personal-data registry).
 */
export interface LegalText {
  version: string;
  title: string;
  sections: readonly { heading: string; body: string }[];
}

export const memberAgreement: LegalText = {
  version: 'agreement-2026-11',
  title: 'Cakeday 会员协议',
  sections: [
    { heading: '一、会员资格', body: '你通过微信登录本小程序即成为 Cakeday 会员，会员资格免费，仅限本人使用，不得转让或出借。' },
    {
      heading: '二、积分',
      body: '消费可按会员规则获得积分，积分可在积分商城兑换商品或服务。积分的获取比例、有效期与兑换规则以“会员规则”页面公示的规则为准；规则调整时会提前公示，调整前已获得的积分按获得时的规则计算有效期。积分不可兑现、不可转让。',
    },
    { heading: '三、会员等级', body: '会员等级按近 12 个月的实付消费计算，达到门槛即时升级，每年入会周年日复核。各等级的权益以“等级权益”页面为准。' },
    {
      heading: '四、生日礼遇',
      body: '设置生日后可在生日期间领取生日礼遇。为防止滥用，生日设置后仅可在规定期限内修改一次，生日需提前设置才能享受当年的生日礼遇，具体以会员规则为准。',
    },
    { heading: '五、好友助力与邀请', body: '好友助力、邀请好友等活动须为真实好友自愿参与。以作弊、批量注册等方式获取的积分、优惠券或奖励，我们有权取消。' },
    { heading: '六、订单与退款', body: '积分商城订单的支付、取消与退款规则以商品页面和订单页面的说明为准。需到店自提或使用的商品，请在有效期内到店核销。' },
    { heading: '七、注销', body: '你可以随时在“隐私与数据”中注销会员。注销后积分、优惠券与会员权益将一并失效且不可恢复。' },
    { heading: '八、联系我们', body: '如对本协议或会员服务有疑问，可通过“我的 → 联系客服”或门店电话联系我们。' },
  ],
};

export const privacyPolicy: LegalText = {
  version: 'privacy-2026-11',
  title: 'Cakeday 隐私政策',
  sections: [
    {
      heading: '一、我们收集的信息',
      body: '微信登录标识（openid）用于识别你的会员账号；你主动填写的头像、昵称、生日（月日，年份可不填）与授权绑定的手机号；你的订单、积分、优惠券、心愿清单、好友助力与邀请记录；按距离排列门店时你当下的位置（仅用于本次排序，不保存）。',
    },
    {
      heading: '二、我们如何使用',
      body: '提供会员积分、等级、生日礼遇、积分商城与门店核销服务；在你分享的心愿清单、助力卡和邀请中向好友显示你的头像和昵称；昵称与用户内容会经过微信内容安全检查。未经你同意，我们不会向你发送营销消息。',
    },
    { heading: '三、我们如何保存', body: '手机号与出生年份加密保存；头像保存在我们的服务器上，以无法猜测的地址提供。注销时一并删除。' },
    {
      heading: '四、你的权利',
      body: '你可以在“我的 → 隐私与数据”中查看和撤回各项授权、导出你的全部个人数据、注销账号。注销后我们会删除或匿名化你的个人信息，仅保留法律或财务要求保存的交易记录。',
    },
    { heading: '五、共享与委托处理', body: '支付通过微信支付完成；内容安全检查由微信提供。除此之外，我们不会向第三方出售或提供你的个人信息。' },
    { heading: '六、联系我们', body: '如对个人信息处理有疑问或投诉，可通过“我的 → 联系客服”联系我们，我们将在 15 个工作日内答复。' },
  ],
};
