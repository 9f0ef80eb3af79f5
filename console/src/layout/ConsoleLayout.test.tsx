import type { OperatorRole } from '@cakeday/shared';
import { screen } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../test/fakeBff';
import { renderConsole } from '../../test/renderConsole';

/** The side menu's entries (by the markup antd gives menu items: ByRole is too slow on this page in jsdom). */
function menuEntries(): string[] {
  return [...document.querySelectorAll('ul[role="menu"] li[role="menuitem"]')].map((item) => item.textContent ?? '');
}

describe('the console menu', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
  });

  const cases: [OperatorRole, string[]][] = [
    ['admin', ['会员规则设置', '运营人员', '操作日志']],
    ['ops', ['会员规则设置']],
    ['analyst', ['会员规则设置']],
  ];

  it.each(cases)('shows %s the entries their role opens', async (role, entries) => {
    bff.on('ops.me', () => ok(sessionOf([role])));
    renderConsole('/', { signedIn: true });

    expect(await screen.findByText(/^欢迎/)).toBeTruthy();
    expect(menuEntries()).toEqual(entries);
    expect(screen.getByText('系统管理')).toBeTruthy();
  });

  it.each<OperatorRole>(['moderator', 'store_manager'])('shows %s no entry of the system section', async (role) => {
    bff.on('ops.me', () => ok(sessionOf([role])));
    renderConsole('/', { signedIn: true });

    expect(await screen.findByText('你的角色暂时没有可用的功能')).toBeTruthy();
    expect(screen.queryByText('系统管理')).toBeNull();
    expect(screen.queryByText('运营人员')).toBeNull();
  });

  it('refuses a page the role does not open, even by its URL, without calling its routes', async () => {
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    renderConsole('/operators', { signedIn: true });

    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(bff.callsTo('ops.operators.list')).toEqual([]);
  });
});
