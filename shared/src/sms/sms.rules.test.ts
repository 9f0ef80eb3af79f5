import { isSmsOptOut, renderSmsContent, smsParamProblems, smsPhoneNumber } from './sms.rules.js';
import { SMS_OPT_OUT_INSTRUCTION, SMS_TEMPLATES } from './sms.templates.js';

describe('sms rules', () => {
  it('renders the signature in front and the variables in place', () => {
    expect(renderSmsContent('蛋糕日', SMS_TEMPLATES.birthdayGreeting, ['小明', '3'])).toBe(
      '【蛋糕日】亲爱的小明，还有3天就是你的生日，生日礼已放入会员中心，打开小程序即可领取。拒收请回复R',
    );
  });

  it('every marketing template ends with the opt-out instruction', () => {
    for (const template of Object.values(SMS_TEMPLATES)) {
      if (template.kind === 'marketing') expect(template.text.endsWith(SMS_OPT_OUT_INSTRUCTION)).toBe(true);
    }
  });

  it.each([
    [['小明', '3'], []],
    [['小明'], ['模板需要2个变量']],
    [['', '3'], ['变量不能为空']],
    [['一二三四五六七八九十一二三四五六七八九十一', '3'], ['变量不能超过20个字']],
    [['https://x.cn', '3'], ['变量不能是链接']],
    [['【假签名】', '3'], ['变量不能含【】']],
  ])('variables %j → %j', (params, messages) => {
    expect(smsParamProblems(SMS_TEMPLATES.birthdayGreeting, params, '蛋糕日').map((problem) => problem.message)).toEqual(messages);
  });

  it.each([
    ['R', true],
    ['r', true],
    [' TD ', true],
    ['ｔｄ', true],
    ['Ｒ。', true],
    ['退订', true],
    ['谢谢', false],
    ['RR', false],
    ['生日快乐', false],
  ])('a reply of %j is an opt-out: %s', (reply, optOut) => {
    expect(isSmsOptOut(reply)).toBe(optOut);
  });

  it('E.164 for mainland numbers only', () => {
    expect(smsPhoneNumber('13800138000')).toBe('+8613800138000');
    expect(smsPhoneNumber('5551234')).toBeNull();
  });
});
