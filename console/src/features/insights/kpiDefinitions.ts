import type { KpiName, OpsInsightsKpisResponse } from '@cakeday/shared';

type Basis = OpsInsightsKpisResponse['basis'];
const yuan = (fen: number): string => `${(fen / 100).toFixed(2)} 元`;

/** How each KPI is measured, as the KPI card's help text says it (the BFF's shared/src/insights rules). */
export function kpiDefinition(kpi: KpiName, basis: Basis): string {
  switch (kpi) {
    case 'birthdayParticipation':
      return '生日消息触达的会员中，领取了生日礼的占比。';
    case 'birthdayGmvShare':
      return '生日当月（上海时间自然月）的会员所付实付金额 ÷ 全部实付金额（线上订单与门店消费），按支付日计入。';
    case 'birthdayRetentionLift':
      return `留存：会员某月的第一笔实付订单后 ${basis.retentionWindowDays} 天内再次下单。生日月留存率 = 生日当月的“会员月”中留存的占比；对照组 = 同一批已填写生日的会员在非生日月份的留存率；提升 = 两者之差（百分点）。计入当月第一笔订单所在日，近 ${basis.retentionWindowDays} 天内的首单仍可能变为留存。`;
    case 'nps':
      return '推荐者（9–10 分）占比减贬损者（0–6 分）占比。';
    case 'messageReach':
      return '发送成功的消息 ÷ 应发送的消息（成功、失败与跳过）。';
    case 'birthdayBenefitCompletion':
      return '生日礼领取中完整发放（礼包的券全部发出）的次数 ÷ 开始领取的次数；同一会员、礼包与年份只计一次。';
    case 'repurchase':
      return '区间内有 2 笔及以上实付订单的会员 ÷ 有 1 笔及以上的会员；每日值按当天计。';
    case 'benefitRedemption':
      return '领取了生日礼的会员中，核销使用的占比。';
    case 'campaignRoi':
      return `（归因 GMV − 成本）÷ 成本。归因 GMV：触达后归因窗口内的实付订单（末次触达）；成本：短信 ${yuan(basis.smsFen)}/条、订阅消息 ${yuan(basis.subscriptionMessageFen)}/条（程序设置 → 经营洞察），活动券在核销时按面额计，无面额的券按 ${yuan(basis.couponWithoutFaceFen)}/张。`;
  }
}
