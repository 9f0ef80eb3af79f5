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
    ['admin', ['数据看板', '经营洞察', '会员', '积分调整审批', '生日礼包', '营销活动', '会员分群', '商城商品', '券模板', '订单', '异常订单', '门店', '店员', '核销记录', '消费记录', '社区审核', '社区话题', '敏感词库', '会员规则设置', '运营人员', '接入管理', '操作日志']],
    ['ops', ['数据看板', '经营洞察', '会员', '积分调整审批', '生日礼包', '营销活动', '会员分群', '商城商品', '券模板', '订单', '异常订单', '门店', '店员', '核销记录', '消费记录', '社区话题', '敏感词库', '会员规则设置']],
    ['analyst', ['数据看板', '经营洞察', '会员', '积分调整审批', '营销活动', '会员分群', '订单', '异常订单', '核销记录', '消费记录', '会员规则设置']],
    ['moderator', ['会员', '社区审核', '社区话题', '敏感词库']],
    // Their own store's page, staff and write-offs: nothing brand-wide.
    ['store_manager', ['门店', '店员', '核销记录', '消费记录']],
  ];

  it.each(cases)('shows %s the entries their role opens', async (role, entries) => {
    bff.on('ops.me', () => ok(sessionOf([role])));
    renderConsole('/', { signedIn: true });

    expect(await screen.findByText(/^欢迎/)).toBeTruthy();
    expect(menuEntries()).toEqual(entries);
    // A section's heading only above entries of it.
    expect(screen.queryByText('系统管理') !== null).toBe(entries.includes('会员规则设置'));
  });

  it('refuses a page the role does not open, even by its URL, without calling its routes', async () => {
    bff.on('ops.me', () => ok(sessionOf(['ops'])));
    renderConsole('/operators', { signedIn: true });

    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(bff.callsTo('ops.operators.list')).toEqual([]);
  });
});
