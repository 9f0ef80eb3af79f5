/** 常见问题: answers point at the page that holds the rule in force rather than repeating numbers that can change. */
export interface Faq {
  question: string;
  answer: string;
  link?: { text: string; url: string };
}

export const FAQS: readonly Faq[] = [
  { question: '积分怎么获得？', answer: '消费按你的会员等级获得积分，生日月可能更多。各等级的比例见会员规则。', link: { text: '查看会员规则', url: '/pages/rules/index' } },
  { question: '积分什么时候过期？', answer: '积分按获得年份分批过期，首页和积分明细会提示 30 天内将过期的积分。', link: { text: '查看积分明细', url: '/pages/points/index' } },
  { question: '生日礼怎么领？', answer: '在“生日设置”填写生日后，生日期间可在首页领取生日礼。生日需提前设置才能享受当年的礼遇。', link: { text: '去设置生日', url: '/pages/birthday/index' } },
  { question: '生日填错了怎么办？', answer: '生日设置后在规定期限内可修改一次；临近生日或已领取当年生日礼后不能修改，请联系客服处理。' },
  { question: '兑换的商品怎么领取？', answer: '在“我的订单”打开订单，到门店出示核销码即可领取或使用。', link: { text: '查看门店', url: '/pages/stores/index' } },
  { question: '订单忘了支付会怎样？', answer: '需付现金的订单 15 分钟内未支付会自动取消，已扣积分原路退回。' },
  { question: '怎样导出我的数据或注销账号？', answer: '在“我的 → 隐私与数据”中可以导出全部个人数据、撤回授权或注销账号。', link: { text: '去隐私与数据', url: '/pages/privacy/index' } },
];
