import { act, render, screen, waitFor } from '@testing-library/react';
import { DEFAULT_PROGRAM_SETTINGS, memberRulesOf } from '@cakeday/shared';
import { taroStandIn } from '../../../test/taroStandIn';
import { buildMember, buildSettingsRules, buildSubscriptions } from '../../../test/fixtures';
import { answerRoutes, callsTo, ok, popupAnswers } from '../../../test/routes';
import { setSessionProvider } from '../../api/client';
import { BirthdayPage } from './index';

const birthday = { month: 6, day: 15, year: null };
const settings = { ...DEFAULT_PROGRAM_SETTINGS, birthday: { ...DEFAULT_PROGRAM_SETTINGS.birthday, correctionWindowDays: 14, maxCorrections: 2 } };

async function saveBirthday(): Promise<void> {
  answerRoutes({
    'members.me': ok(buildMember({ birthday })),
    'settings.rules': ok(buildSettingsRules()),
    'subscriptions.mine': ok(buildSubscriptions()),
    'sandbox:/subscription-popups': ok({ ok: true }),
    'subscriptions.record': ok(buildSubscriptions()),
    'members.setBirthday': ok({ birthday, birthdayLock: { state: 'open', correctableUntil: null } }),
  });
  render(<BirthdayPage />);
  // The first render of the page (its date picker) is slow on a busy machine.
  const agree = await screen.findByText('我已阅读并同意以上说明', undefined, { timeout: 10_000 });
  await act(async () => {
    agree.click();
  });
  await act(async () => {
    screen.getByText('保存生日').click();
  });
  // The popup opens from the confirmation's tap, the last tap before saving.
  expect(taroStandIn.modals).toEqual([]);
  await act(async () => {
    // The dialog's button (a correction's dialog is titled 确认保存 too).
    (await screen.findByText('确认保存', { selector: '.nut-button-children' })).click();
  });
  await waitFor(() => expect(taroStandIn.navigations).toEqual(['back']));
}

describe('BirthdayPage', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('asks for 生日提醒 from the save tap, then saves the birthday', async () => {
    taroStandIn.answerModal = async () => ({ confirm: true });

    await saveBirthday();

    expect(taroStandIn.modals.map((modal) => modal.content)).toEqual([expect.stringContaining('生日提醒')]);
    expect(popupAnswers()).toEqual([{ template: 'tmpl-birthdayReminder', result: 'accept' }]);
    expect(callsTo('subscriptions.record').map((request) => request.data)).toEqual([
      { moment: 'birthday_set', choices: [{ template: 'birthdayReminder', result: 'accept' }] },
    ]);
    expect(callsTo('members.setBirthday')).toHaveLength(1);
    expect(taroStandIn.navigations).toEqual(['back']);
  });

  it('saves the same birthday the same way when the member refuses the reminder', async () => {
    taroStandIn.answerModal = async () => ({ confirm: false });

    await saveBirthday();

    expect(taroStandIn.modals).toHaveLength(1);
    expect(popupAnswers()).toEqual([{ template: 'tmpl-birthdayReminder', result: 'reject' }]);
    expect(callsTo('members.setBirthday').map((request) => request.data)).toEqual([{ month: 6, day: 15, consentVersion: expect.any(String) }]);
    expect(taroStandIn.toasts).toEqual(['生日已保存']);
    expect(taroStandIn.navigations).toEqual(['back']);
  });
});

describe('BirthdayPage as a message’s landing page', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('reports the delivery in its query as opened, once per visit', async () => {
    taroStandIn.params = { delivery: 'a'.repeat(24) };
    answerRoutes({ 'members.me': ok(buildMember({ birthday })), 'settings.rules': ok(buildSettingsRules()), 'subscriptions.mine': ok(buildSubscriptions()), 'messages.opened': ok({ ok: true }) });

    render(<BirthdayPage />);

    await screen.findByText('保存生日', undefined, { timeout: 10_000 });
    expect(callsTo('messages.opened').map((request) => request.data)).toEqual([{ delivery: 'a'.repeat(24) }]);
  });

  it('reports the scene it was entered from: 1014, the subscription message’s card', async () => {
    taroStandIn.params = { delivery: 'b'.repeat(24) };
    taroStandIn.enterScene = 1014;
    answerRoutes({ 'members.me': ok(buildMember({ birthday })), 'settings.rules': ok(buildSettingsRules()), 'subscriptions.mine': ok(buildSubscriptions()), 'messages.opened': ok({ ok: true }) });

    render(<BirthdayPage />);

    await screen.findByText('保存生日', undefined, { timeout: 10_000 });
    expect(callsTo('messages.opened').map((request) => request.data)).toEqual([{ delivery: 'b'.repeat(24), scene: 1014 }]);
  });

  it('reports a delivery once when the page mounts again in the same run (H5’s router after a login)', async () => {
    taroStandIn.params = { delivery: 'c'.repeat(24) };
    answerRoutes({ 'members.me': ok(buildMember({ birthday })), 'settings.rules': ok(buildSettingsRules()), 'subscriptions.mine': ok(buildSubscriptions()), 'messages.opened': ok({ ok: true }) });

    const first = render(<BirthdayPage />);
    await screen.findByText('保存生日', undefined, { timeout: 10_000 });
    first.unmount();
    render(<BirthdayPage />);
    await screen.findByText('保存生日', undefined, { timeout: 10_000 });

    expect(callsTo('messages.opened').map((request) => request.data)).toEqual([{ delivery: 'c'.repeat(24) }]);
  });

  it('reports nothing when opened without a delivery', async () => {
    answerRoutes({ 'members.me': ok(buildMember({ birthday })), 'settings.rules': ok(buildSettingsRules()), 'subscriptions.mine': ok(buildSubscriptions()) });

    render(<BirthdayPage />);

    await screen.findByText('保存生日', undefined, { timeout: 10_000 });
    expect(callsTo('messages.opened')).toEqual([]);
  });
});

describe('BirthdayPage corrections', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('states the correction rules in force and what saving means before the member confirms', async () => {
    answerRoutes({
      'members.me': ok(buildMember()),
      'settings.rules': ok(buildSettingsRules(memberRulesOf(settings))),
      'subscriptions.mine': ok(buildSubscriptions()),
      'sandbox:/subscription-popups': ok({ ok: true }),
      'subscriptions.record': ok(buildSubscriptions()),
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
    // The 生日提醒 popup opens from this tap first; the birthday is saved whatever it answers.
    await waitFor(() => expect(callsTo('members.setBirthday')[0]?.data).toMatchObject({ month: 6, day: 15 }));
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
