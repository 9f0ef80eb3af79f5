import { act, render, screen } from '@testing-library/react';
import { DEFAULT_PROGRAM_SETTINGS, memberRulesOf } from '@cakeday/shared';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildMember, buildSettingsRules } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { BirthdayPage } from './index';

const settings = { ...DEFAULT_PROGRAM_SETTINGS, birthday: { ...DEFAULT_PROGRAM_SETTINGS.birthday, correctionWindowDays: 14, maxCorrections: 2 } };

describe('BirthdayPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('states the correction rules in force and what saving means before the member confirms', async () => {
    answerRoutes({
      'members.me': ok(buildMember()),
      'settings.rules': ok(buildSettingsRules(memberRulesOf(settings))),
      'members.setBirthday': ok({ birthday: { month: 6, day: 15, year: null }, birthdayLock: { state: 'correctable', correctableUntil: '2026-12-14T00:00:00+08:00', correctionsLeft: 2 } }),
    });

    render(<BirthdayPage />);

    expect(await screen.findByText('· 生日设置后14天内可以修改2次，之后生日锁定，如需修改请联系客服。')).toBeTruthy();
    expect(screen.getByText('· 本生日年已领取过生日礼的，不能再修改生日；已领取的生日礼不会收回。')).toBeTruthy();
    await act(async () => {
      screen.getByText('我已阅读并同意以上说明').click();
    });
    await act(async () => {
      screen.getByText('请选择 ›').click();
    });
    await act(async () => {
      screen.getByText('确认').click();
    });
    await act(async () => {
      screen.getByText('保存生日').click();
    });

    expect(await screen.findByText('确认设置生日')).toBeTruthy();
    expect(screen.getByText('设置后14天内可以修改2次，之后生日锁定。')).toBeTruthy();
    expect(callsTo('members.setBirthday')).toHaveLength(0);
    await act(async () => {
      screen.getByText('确认保存').click();
    });
    expect(callsTo('members.setBirthday')[0]?.data).toMatchObject({ month: 6, day: 15 });
  });

  it('shows a locked birthday as locked, with no way to save', async () => {
    answerRoutes({
      'members.me': ok(buildMember({ birthday: { month: 9, day: 15, year: null }, birthdayLock: { state: 'locked', correctableUntil: null, correctionsLeft: 0 } })),
      'settings.rules': ok(buildSettingsRules()),
    });

    render(<BirthdayPage />);

    expect(await screen.findByText('你的生日已锁定，如需修改请联系客服。')).toBeTruthy();
  });
});
