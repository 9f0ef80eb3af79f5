/**
 * Our own Chinese sentiment lexicon for reviews of a bakery chain (taste, freshness, service, delivery, price). Weights
 * are on a rough −5…+3 scale; `extreme` marks what the plan counts as extremely negative whatever its weight (food
 * safety, anger, complaints to authorities, "never again"). Kept small and readable: add words as reviews show them.
 */
export const POSITIVE_WORDS: Readonly<Record<string, number>> = {
  好吃: 2, 美味: 2, 可口: 2, 好喝: 2, 香: 1.5, 太香: 2, 清香: 1.5, 浓郁: 1.5, 奶香: 1, 好: 1, 很好: 1.5, 最好: 2, 更好: 1.5, 还好: 0.5, 不错: 1.5,
  棒: 2, 很棒: 2, 超赞: 3, 赞: 2, 点赞: 2, 好评: 2, 五星: 2, 满分: 3, 完美: 3, 绝了: 2.5, 惊艳: 2.5, 惊喜: 2, 一流: 2.5, 给力: 2, 宝藏: 2,
  喜欢: 2, 最爱: 2.5, 爱吃: 2, 喜爱: 2, 满意: 2, 满足: 2, 开心: 2, 愉快: 2, 高兴: 2, 感动: 2, 温馨: 1.5, 感谢: 1.5, 谢谢: 1, 放心: 1.5, 信赖: 1.5,
  新鲜: 1.5, 松软: 1.5, 软软: 1.5, 柔软: 1.5, 细腻: 1.5, 绵密: 1.5, 轻盈: 1.5, 入口即化: 2, 酥: 1.5, 外酥里嫩: 2, 层次分明: 1.5, 丰富: 1,
  正宗: 1.5, 甜而不腻: 2, 刚好: 1.5, 刚刚好: 1.5, 适合: 1, 精致: 1.5, 好看: 1.5, 漂亮: 1.5, 可爱: 1.5, 颜值高: 1.5, 有面子: 1.5, 用心: 2, 细心: 1.5,
  热情: 1.5, 周到: 1.5, 贴心: 2, 耐心: 1.5, 礼貌: 1.5, 有礼貌: 1.5, 专业: 1.5, 友好: 1.5, 干净: 1, 舒服: 1, 优雅: 1.5, 实用: 1, 方便: 1, 顺利: 1,
  及时: 1, 准时: 1.5, 快: 0.5, 很快: 1.5, 完好无损: 2, 严实: 1, 划算: 1.5, 实惠: 1.5, 物美价廉: 2.5, 性价比高: 2, 性价比超高: 2.5, 值: 1, 很值: 2,
  值得: 1.5, 值得推荐: 2, 推荐: 1.5, 强烈推荐: 2.5, 回购: 2, 稳定: 1, 足: 1, 很足: 1.5, 分量足: 1.5, 公道: 1.5, 亮点: 1.5, 成功: 1, 必备: 1.5,
  没让我失望: 2, 不会踩雷: 2, 吃饱: 1, 好入口: 1.5, 还想吃: 2, 好吃到哭: 3, 光顾: 1, 小心: 1, 好太多: 2.5, 还可以: 0.5,
};

/** Negative words; the `extreme` ones make a review extremely negative unless negated. */
export const NEGATIVE_WORDS: Readonly<Record<string, { weight: number; extreme?: true }>> = {
  难吃: { weight: -2.5 }, 不好吃: { weight: -2 }, 差: { weight: -2 }, 很差: { weight: -2.5 }, 差评: { weight: -2.5 }, 差劲: { weight: -2.5 }, 失望: { weight: -2 },
  一般: { weight: -0.3 }, 不怎么样: { weight: -1.5 }, 怪怪的: { weight: -1.5 }, 不对: { weight: -1.5 }, 腻: { weight: -1.5 }, 腥: { weight: -2 },
  冷淡: { weight: -2 }, 爱答不理: { weight: -2 }, 麻烦: { weight: -1.5 }, 错: { weight: -1.5 }, 写错: { weight: -2 }, 送错: { weight: -2 }, 破: { weight: -1.5 },
  变形: { weight: -1.5 }, 歪: { weight: -1.5 }, 塌: { weight: -1.5 }, 化了: { weight: -1.5 }, 简陋: { weight: -1.5 }, 吵: { weight: -1 }, 下降: { weight: -1.5 },
  不值: { weight: -1.5 }, 不值得: { weight: -1.5 }, 不推荐: { weight: -2 }, 别买: { weight: -2 }, 没人: { weight: -1 }, 打不通: { weight: -2 }, 耽误: { weight: -1.5 },
  半天: { weight: -1 }, 很久: { weight: -1.5 }, 太久: { weight: -1.5 }, 晚了: { weight: -1.5 }, 差别很大: { weight: -1.5 }, 用不了: { weight: -1.5 }, 没给: { weight: -1.5 },
  吃不下: { weight: -1.5 }, 不一样: { weight: -1 }, 不想吃: { weight: -1.5 }, 不会再买: { weight: -2 }, 不实用: { weight: -1.5 },
  恶心: { weight: -4, extreme: true }, 馊: { weight: -4, extreme: true }, 馊味: { weight: -4, extreme: true }, 发霉: { weight: -4, extreme: true }, 霉点: { weight: -4, extreme: true },
  变质: { weight: -4, extreme: true }, 烂了: { weight: -3, extreme: true }, 过期: { weight: -3.5, extreme: true }, 头发: { weight: -3, extreme: true }, 虫子: { weight: -4, extreme: true },
  异物: { weight: -4, extreme: true }, 塑料: { weight: -3, extreme: true }, 钢丝: { weight: -4, extreme: true }, 食物中毒: { weight: -5, extreme: true }, 拉肚子: { weight: -4, extreme: true },
  肚子疼: { weight: -4, extreme: true }, 过敏: { weight: -4, extreme: true }, 住院: { weight: -5, extreme: true }, 吐: { weight: -3, extreme: true }, 危险: { weight: -3, extreme: true },
  投诉: { weight: -3.5, extreme: true }, 举报: { weight: -3.5, extreme: true }, 曝光: { weight: -3.5, extreme: true }, 市场监管局: { weight: -3.5, extreme: true }, 赔偿: { weight: -3, extreme: true },
  退钱: { weight: -3, extreme: true }, 骗子: { weight: -4, extreme: true }, 骗钱: { weight: -4, extreme: true }, 欺骗: { weight: -4, extreme: true }, 黑心: { weight: -4, extreme: true },
  黑店: { weight: -4, extreme: true }, 无良: { weight: -4, extreme: true }, 垃圾: { weight: -3.5, extreme: true }, 坑: { weight: -2.5, extreme: true }, 骂人: { weight: -4, extreme: true },
  恶劣: { weight: -3.5, extreme: true }, 愤怒: { weight: -4, extreme: true }, 生气: { weight: -3, extreme: true }, 气死: { weight: -4, extreme: true }, 毁了: { weight: -3.5, extreme: true },
  糟糕透顶: { weight: -4, extreme: true }, 差到极点: { weight: -4, extreme: true }, 极差: { weight: -3.5, extreme: true }, 最差: { weight: -3.5, extreme: true }, 最难吃: { weight: -3.5, extreme: true },
  难吃死了: { weight: -3.5, extreme: true }, 再也不: { weight: -3, extreme: true }, 再也不会: { weight: -3, extreme: true }, 绝对不来: { weight: -3, extreme: true }, 千万别: { weight: -3, extreme: true },
  浪费钱: { weight: -3, extreme: true }, 不道歉: { weight: -3, extreme: true }, 根本没: { weight: -2.5 }, 完全不符: { weight: -3, extreme: true },
};

/**
 * Attributes whose sense depends on how much: "草莓很甜" praises, "太甜" complains. `bare` counts alone, `plain`
 * behind an intensifier (很, 非常), `excess` behind a word of too much (太, 有点, 偏).
 */
export const EXCESS_ATTRIBUTES: Readonly<Record<string, { bare: number; plain: number; excess: number }>> = {
  甜: { bare: 0, plain: 1, excess: -1.5 },
  甜腻: { bare: -1.5, plain: -2, excess: -2 },
  咸: { bare: -1, plain: -2, excess: -2 },
  硬: { bare: -1, plain: -1.5, excess: -1.5 },
  干: { bare: -0.8, plain: -1.5, excess: -1.5 },
  贵: { bare: -0.8, plain: -1.5, excess: -1.5 },
  慢: { bare: -1, plain: -2, excess: -2 },
  少: { bare: -0.8, plain: -1.5, excess: -1.5 },
  小: { bare: 0, plain: -1, excess: -1 },
  淡: { bare: -0.5, plain: -1.5, excess: -1.5 },
  油: { bare: -0.5, plain: -1.5, excess: -1.5 },
  酸: { bare: -1, plain: -1.5, excess: -1.5 },
  普通: { bare: -0.3, plain: -1, excess: -1.5 },
  久: { bare: 0, plain: -1.5, excess: -1.5 },
  多: { bare: 0, plain: 1, excess: -1 },
  苦: { bare: -1, plain: -1.5, excess: -1.5 },
  软: { bare: 1, plain: 1.5, excess: -0.5 },
};

/** Words that make the next sentiment word stronger or weaker (multipliers). */
export const DEGREE_WORDS: Readonly<Record<string, number>> = {
  非常: 2, 特别: 1.8, 超级: 2, 超: 1.8, 很: 1.5, 挺: 1.2, 比较: 1.1, 太: 1.8, 太过: 2, 过于: 2, 极其: 2.2, 极: 2, 十分: 1.8, 相当: 1.6, 真: 1.4, 真的: 1.4,
  巨: 2, 最: 2, 实在: 1.6, 简直: 2, 好: 1.3, 蛮: 1.2, 越来越: 1.5, 更: 1.3, 又: 1, 也: 1, 都: 1, 还: 1, 有点: 0.7, 有些: 0.7, 有一点: 0.7, 稍微: 0.6, 略: 0.6, 偏: 0.8,
  一点都: 1.5, 一点也: 1.5,
};

/** Degree words that say "too much" (turning an attribute into a complaint: 太甜, 有点干, 偏贵). */
export const EXCESS_WORDS: ReadonlySet<string> = new Set(['太', '太过', '过于', '有点', '有些', '有一点', '偏', '略', '稍微']);

/** Negation words; the value is how much of the next word's sentiment survives, reversed (不太 weakens more). */
export const NEGATION_WORDS: Readonly<Record<string, number>> = {
  不: 0.8, 没: 0.8, 没有: 0.8, 无: 0.8, 未: 0.8, 别: 0.8, 非: 0.8, 不是: 0.8, 并不: 0.8, 毫无: 1, 绝不: 1, 从不: 0.8, 不太: 0.6, 不是很: 0.6, 不够: 0.7,
  不会: 0.8, 一点都不: 1, 一点也不: 1, 不用: 0.8, 没什么: 0.6, 不算: 0.6, 没有想象中: 0.8, 没想象中: 0.8,
};

/** Words that look like sentiment but are not ("差不多" is not "差"): matched first, weighing nothing. */
export const NEUTRAL_WORDS: ReadonlySet<string> = new Set(['差不多', '说好的', '一般般', '中规中矩', '放冰箱', '好不好']);

/** Words that turn the clause after them into the one that counts ("好看，但是不好吃"). */
export const CONTRAST_WORDS: ReadonlySet<string> = new Set(['但是', '但', '可是', '不过', '就是', '然而', '只是']);

/** Words that make a sentence a wish or a question rather than a verdict ("希望…", "建议…"). */
export const SUGGESTION_WORDS: ReadonlySet<string> = new Set(['希望', '建议', '可以考虑', '能否', '请问', '是否']);

/** What the complaints are about: counted (with the negative words) as the dashboard's complaint words. */
export const ASPECT_WORDS: ReadonlySet<string> = new Set([
  '蛋糕', '面包', '奶油', '水果', '草莓', '芒果', '巧克力', '蛋挞', '吐司', '奶茶', '咖啡', '夹心', '蛋糕胚', '口感', '味道', '口味', '甜度', '分量', '价格', '性价比',
  '包装', '配送', '送货', '快递', '店员', '服务', '态度', '客服', '门店', '排队', '核销', '生日券', '积分', '赠品', '蜡烛', '款式', '外观', '字',
]);
