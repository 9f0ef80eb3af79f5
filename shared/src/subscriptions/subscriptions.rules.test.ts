import { templateDataProblems, templateValueProblem, type TemplateFieldType } from './subscriptions.rules.js';
import { SUBSCRIPTION_TEMPLATES } from './subscriptions.templates.js';

describe('template value rules', () => {
  it.each<[TemplateFieldType, string, boolean]>([
    ['thing', '生日礼已解锁', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十', true],
    ['thing', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['phrase', '已发货', true],
    ['phrase', '待取货啦啦啦', false],
    ['phrase', 'ok', false],
    ['date', '2026年5月20日', true],
    ['date', '5月20日', false],
    ['time', '2026-05-20 15:01', true],
    ['amount', '¥88.00', true],
    ['amount', '八十八元', false],
    ['character_string', 'CD20260520001', true],
    ['character_string', '订单1', false],
    ['name', '小明', true],
    ['number', '12', true],
    ['thing', '', false],
  ])('%s %j fits: %s', (type, value, fits) => {
    expect(templateValueProblem(type, value) === null).toBe(fits);
  });

  it('names missing, unknown and invalid fields of a template', () => {
    const problems = templateDataProblems(SUBSCRIPTION_TEMPLATES.birthdayReminder, { thing1: '生日礼'.repeat(7), date2: '2026年5月20日', phrase9: '你好' });
    expect(problems.map((problem) => problem.key).sort()).toEqual(['phrase9', 'thing1', 'thing3']);
    expect(templateDataProblems(SUBSCRIPTION_TEMPLATES.birthdayReminder, { thing1: '生日快乐', date2: '2026年5月20日', thing3: '进店出示会员码' })).toEqual([]);
  });
});
