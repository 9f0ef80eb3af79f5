import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroStandIn } from '../../test/taroStandIn';
import { buildMember } from '../../test/fixtures';
import { answerRoutes, callsTo, ok, refusal } from '../../test/routes';
import { setSessionProvider } from '../api/client';
import { ProfileEditor } from './ProfileEditor';
import { ShareProfilePrompt } from './ShareProfilePrompt';

const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function nicknameField(): Promise<HTMLInputElement> {
  return waitFor(() => {
    const input = document.querySelector('input[placeholder="填写昵称，好友会看到"]');
    if (!input) throw new Error('no input yet');
    return input as HTMLInputElement;
  });
}

describe('ProfileEditor', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('uploads the chosen picture as base64 and hands over the new profile', async () => {
    const saved = jest.fn();
    answerRoutes({ 'members.uploadAvatar': ok(buildMember({ avatarUrl: 'http://bff/media/avatars/abc' })) });
    render(<ProfileEditor profile={buildMember({ nickname: null })} onSaved={saved} />);

    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([PNG_BYTES], 'me.png', { type: 'image/png' })] } });
    });

    await waitFor(() => expect(saved).toHaveBeenCalledWith(expect.objectContaining({ avatarUrl: 'http://bff/media/avatars/abc' })));
    expect(callsTo('members.uploadAvatar').map((request) => request.data)).toEqual([{ imageBase64: PNG_BYTES.toString('base64') }]);
    expect(taroStandIn.toasts).toContain('头像已更新');
  });

  it('saves the nickname through members.update and says when it waits for review', async () => {
    const saved = jest.fn();
    answerRoutes({ 'members.update': ok(buildMember({ nickname: '阿梅', nicknameInReview: true })) });
    render(<ProfileEditor profile={buildMember({ nickname: null })} onSaved={saved} />);

    fireEvent.input(await nicknameField(), { target: { value: ' 阿梅 ' } });
    await act(async () => {
      screen.getByText('保存昵称').click();
    });

    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(callsTo('members.update').map((request) => request.data)).toEqual([{ nickname: '阿梅' }]);
    expect(taroStandIn.toasts).toContain('昵称审核中');
  });

  it('shows the content check’s refusal in Chinese and keeps the profile as it was', async () => {
    const saved = jest.fn();
    answerRoutes({ 'members.update': refusal(422, 'NICKNAME_CONTENT_REJECTED') });
    render(<ProfileEditor profile={buildMember({ nickname: null })} onSaved={saved} />);

    fireEvent.input(await nicknameField(), { target: { value: '坏名字' } });
    await act(async () => {
      screen.getByText('保存昵称').click();
    });

    await waitFor(() => expect(taroStandIn.toasts).toContain('昵称含有不适宜的内容，请换一个昵称'));
    expect(saved).not.toHaveBeenCalled();
  });
});

describe('ShareProfilePrompt', () => {
  beforeEach(() => {
    taroStandIn.reset();
    setSessionProvider({ token: () => 'token', renew: async () => null });
  });

  it('asks a member without a nickname or avatar, beside the share button', async () => {
    answerRoutes({ 'members.me': ok(buildMember({ nickname: null, avatarUrl: null })) });
    render(<ShareProfilePrompt />);
    expect(await screen.findByText('好友打开时会看到你的头像和昵称，方便认出你（可不填）')).toBeTruthy();
  });

  it('stays away once both are set', async () => {
    answerRoutes({ 'members.me': ok(buildMember({ nickname: '阿梅', avatarUrl: 'http://bff/media/avatars/abc' })) });
    const { container } = render(<ShareProfilePrompt />);
    await waitFor(() => expect(callsTo('members.me')).toHaveLength(1));
    expect(container.textContent).toBe('');
  });
});
