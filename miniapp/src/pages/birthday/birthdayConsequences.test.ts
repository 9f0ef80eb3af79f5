import { businessInstant, DEFAULT_PROGRAM_SETTINGS, memberRulesOf } from '@cakeday/shared';
import { buildMember } from '../../../test/fixtures';
import { birthdayConsequences } from './birthdayConsequences';

const rules = memberRulesOf(DEFAULT_PROGRAM_SETTINGS).birthday;
const now = businessInstant('2026-05-10T12:00:00');
const setOn = { month: 9, day: 15, year: null };
const correctable = { state: 'correctable' as const, correctableUntil: '2026-06-10T00:00:00+08:00', correctionsLeft: 1 };

describe('birthdayConsequences', () => {
  it('a first setting: how long it stays correctable, and a birthday too close for this year’s benefits', () => {
    expect(birthdayConsequences(buildMember(), { month: 9, day: 15 }, rules, now)).toEqual({
      title: '确认设置生日',
      lines: ['设置后30天内可以修改1次，之后生日锁定。'],
    });
    expect(birthdayConsequences(buildMember(), { month: 5, day: 20 }, rules, now).lines).toEqual([
      '设置后30天内可以修改1次，之后生日锁定。',
      '这个生日距今不足30天，今年的生日礼遇将从下一个生日起享受。',
    ]);
  });

  it('a correction: whether it is the last one, and that claimed benefits stay', () => {
    const member = buildMember({ birthday: setOn, birthdayLock: correctable });
    expect(birthdayConsequences(member, { month: 10, day: 15 }, rules, now)).toEqual({
      title: '确认修改生日',
      lines: ['这是最后一次修改机会，修改后生日锁定，不能再改。', '已领取的生日礼不会收回；本生日年领取过生日礼后就不能再修改。'],
    });
    const twoLeft = buildMember({ birthday: setOn, birthdayLock: { ...correctable, correctionsLeft: 2 } });
    expect(birthdayConsequences(twoLeft, { month: 10, day: 15 }, rules, now).lines[0]).toBe('这次修改后，你还可以再修改1次。');
  });

  it('saving the same birthday uses no correction', () => {
    const member = buildMember({ birthday: setOn, birthdayLock: correctable });
    expect(birthdayConsequences(member, { month: 9, day: 15, year: null }, rules, now)).toEqual({ title: '确认保存', lines: ['生日没有变化，不占用修改次数。'] });
  });

  it('says plainly when the settings allow no correction', () => {
    const none = memberRulesOf({ ...DEFAULT_PROGRAM_SETTINGS, birthday: { ...DEFAULT_PROGRAM_SETTINGS.birthday, maxCorrections: 0 } }).birthday;
    expect(birthdayConsequences(buildMember(), { month: 9, day: 15 }, none, now).lines).toEqual(['设置后不能自行修改，请确认日期无误。']);
  });
});
