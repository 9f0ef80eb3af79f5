import { fireEvent, screen, waitFor } from '@testing-library/react';
import { installFakeBff, ok, refused, sessionOf, type FakeBff } from '../../test/fakeBff';
import { button } from '../../test/queries';
import { renderConsole } from '../../test/renderConsole';

function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('logging in to the console', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
  });

  it('goes to the login page without asking the BFF when this browser has no session', async () => {
    renderConsole('/settings', { signedIn: false });

    expect(await screen.findByText(/^登\s*录$/)).toBeTruthy();
    expect(bff.calls).toEqual([]);
  });

  it('asks for the authenticator code when the BFF answers OPS_TOTP_REQUIRED, then signs in and opens the console', async () => {
    const admin = sessionOf(['admin']);
    bff.on('ops.login', (input) => (input.totpCode ? ok(admin) : refused(401, 'OPS_TOTP_REQUIRED')));
    renderConsole('/login', { signedIn: false });

    // 1. name and password
    type('用户名', 'admin');
    type('密码', 'cakeday-admin-2026');
    expect(screen.queryByLabelText('动态验证码')).toBeNull();
    fireEvent.click(button(/^登\s*录$/));

    // 2. the code, with the shared Chinese prompt
    expect(await screen.findByLabelText('动态验证码')).toBeTruthy();
    expect(screen.getByText('请输入身份验证器上的 6 位动态验证码')).toBeTruthy();
    type('动态验证码', '123456');
    fireEvent.click(button(/^登\s*录$/));

    // 3. in: the start page and the menu of an admin
    expect(await screen.findByText(`欢迎，${admin.operator.displayName}`)).toBeTruthy();
    expect(bff.callsTo('ops.login')).toEqual([
      { loginName: 'admin', password: 'cakeday-admin-2026' },
      { loginName: 'admin', password: 'cakeday-admin-2026', totpCode: '123456' },
    ]);
  });

  it('shows a wrong password as the shared message and stays on the login page', async () => {
    bff.on('ops.login', () => refused(401, 'OPS_LOGIN_FAILED'));
    renderConsole('/login', { signedIn: false });

    type('用户名', 'admin');
    type('密码', 'wrong-password');
    fireEvent.click(button(/^登\s*录$/));

    expect(await screen.findByText('用户名或密码错误，或账号已被暂时锁定，请稍后再试')).toBeTruthy();
    expect(screen.queryByLabelText('动态验证码')).toBeNull();
  });

  it('shows the password change before anything else while the session requires it', async () => {
    bff.on('ops.me', () => ok(sessionOf(['ops'], { passwordChange: true })));
    bff.on('ops.changePassword', () => ok(sessionOf(['ops'])));
    bff.on('ops.settings.current', () => refused(403, 'OPS_SESSION_RESTRICTED'));
    renderConsole('/', { signedIn: true });

    expect(await screen.findByText('修改初始密码')).toBeTruthy();
    expect(screen.queryByText(/欢迎/)).toBeNull();
    type('当前密码', 'one-time-Pass1');
    type('新密码', 'my-own-password-2026');
    type('确认新密码', 'my-own-password-2026');
    fireEvent.click(button('修改密码'));

    await waitFor(() => expect(screen.getByText(/欢迎/)).toBeTruthy());
    expect(bff.callsTo('ops.changePassword')).toEqual([{ currentPassword: 'one-time-Pass1', newPassword: 'my-own-password-2026' }]);
  });

  it('returns to the login page when a call answers 401 (the session ended elsewhere)', async () => {
    bff.on('ops.me', () => ok(sessionOf(['admin'])));
    bff.on('ops.settings.current', () => refused(401, 'SESSION_EXPIRED'));
    bff.on('ops.settings.history', () => refused(401, 'SESSION_EXPIRED'));
    renderConsole('/settings', { signedIn: true });

    expect(await screen.findByText(/^登\s*录$/)).toBeTruthy();
  });
});
