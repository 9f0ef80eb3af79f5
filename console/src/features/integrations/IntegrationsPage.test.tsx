import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeBff, ok, sessionOf, type FakeBff } from '../../../test/fakeBff';
import { button, findDialog } from '../../../test/queries';
import { renderConsole } from '../../../test/renderConsole';

const integration = (overrides: Record<string, unknown> = {}) => ({
  id: 'a00000000000000000000001',
  keyId: 'ck_0123456789abcdef01234567',
  name: '线上商城',
  kind: 'online',
  store: null,
  status: 'active',
  secretHint: 'wxyz',
  createdAt: '2026-06-01T02:00:00.000Z',
  revokedAt: null,
  lastSeenAt: null,
  rotatedAt: null,
  previousSecretValidUntil: null,
  usage: { requests: 0, errors: 0, errorRatePercent: null, lastErrorCode: null, lastErrorAt: null },
  version: 0,
  ...overrides,
});

describe('接入管理', () => {
  let bff: FakeBff;

  beforeEach(() => {
    bff = installFakeBff();
    bff.on('ops.me', () => ok(sessionOf(['admin'])));
    bff.on('ops.stores.list', () => ok({ items: [], total: 0, page: 1, pageSize: 100 }));
  });

  it('creates an online key and shows its secret once', async () => {
    bff.on('ops.integrations.list', () => ok({ items: [], total: 0, page: 1, pageSize: 20 }));
    bff.on('ops.integrations.create', () => ok({ integration: integration(), secret: 'cks_the-secret-shown-once' }));
    renderConsole('/integrations', { signedIn: true });
    fireEvent.click(await screen.findByText('新建接入'));
    const dialog = await findDialog('新建接入');
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '线上商城' } });
    fireEvent.click(within(dialog).getByLabelText('线上商城'));
    fireEvent.click(button(/^创\s*建$/, dialog));

    expect(await screen.findByTestId('integration-secret')).toHaveProperty('textContent', 'cks_the-secret-shown-once');
    expect(bff.callsTo('ops.integrations.create')).toEqual([{ name: '线上商城', kind: 'online', storeId: null }]);
  });

  it('revokes a key with a reason on the version it loaded', async () => {
    bff.on('ops.integrations.list', () => ok({ items: [integration({ version: 2 })], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.integrations.revoke', () => ok(integration({ status: 'revoked', version: 3 })));
    renderConsole('/integrations', { signedIn: true });
    fireEvent.click(await screen.findByText('停用'));
    const dialog = await findDialog('停用接入：线上商城');
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '密钥泄露' } });
    fireEvent.click(button(/^停\s*用$/, dialog));

    await waitFor(() => expect(bff.callsTo('ops.integrations.revoke')).toEqual([{ id: 'a00000000000000000000001', version: 2, reason: '密钥泄露' }]));
  });

  it('rotates a key with an overlap and a reason, and shows the new secret once', async () => {
    bff.on('ops.integrations.list', () => ok({ items: [integration({ version: 1 })], total: 1, page: 1, pageSize: 20 }));
    bff.on('ops.integrations.rotate', () => ok({ integration: integration({ version: 2, previousSecretValidUntil: '2026-06-02T02:00:00.000Z' }), secret: 'cks_the-new-secret' }));
    renderConsole('/integrations', { signedIn: true });
    fireEvent.click(await screen.findByText('轮换密钥'));
    const dialog = await findDialog('轮换密钥：线上商城');
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '定期轮换' } });
    fireEvent.click(button(/^轮\s*换$/, dialog));

    expect(await screen.findByTestId('integration-secret')).toHaveProperty('textContent', 'cks_the-new-secret');
    expect(bff.callsTo('ops.integrations.rotate')).toEqual([{ id: 'a00000000000000000000001', version: 1, overlapMinutes: 1440, reason: '定期轮换' }]);
  });

  it("shows the last 7 days' requests and the error rate", async () => {
    bff.on('ops.integrations.list', () =>
      ok({ items: [integration({ lastSeenAt: '2026-06-01T03:00:00.000Z', usage: { requests: 40, errors: 4, errorRatePercent: 10, lastErrorCode: 'MEMBER_CODE_EXPIRED', lastErrorAt: '2026-06-01T03:00:00.000Z' } })], total: 1, page: 1, pageSize: 20 }),
    );
    renderConsole('/integrations', { signedIn: true });
    expect(await screen.findByText('4 次错误（10%）')).toBeTruthy();
  });
});
