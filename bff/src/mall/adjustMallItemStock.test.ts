import { createLogger } from '../logger';
import type { AuditContext } from '../audit/audited';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { PENDING_AUDIT_GRACE_MS, settlePendingAudits } from '../audit/settlePendingAudits';
import { placeOrder } from '../orders/placeOrder';
import { testConfig } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildPointsLot } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import type { WechatPay } from '../wechat/types';
import { adjustMallItemStock } from './adjustMallItemStock';
import { MallItemModel } from './MallItem.model';
import { createSettingsSource, DEFAULT_SETTINGS_SNAPSHOT } from '../settings/settingsSource';

useTestDatabase();

const now = new Date('2026-05-10T04:00:00.000Z');
const audit: AuditContext = { actor: { type: 'operator', id: 'op-1', name: '运营 (ops)', roles: ['ops'] }, requestId: null, ip: null, now };
const orderContext = { now, settings: DEFAULT_SETTINGS_SNAPSHOT, settingsSource: createSettingsSource(), config: testConfig(), pay: {} as WechatPay, logger: createLogger('silent') };

/** Members redeem `units` units, one order each, between the adjustment's read and its write. */
async function redeemMeanwhile(itemId: string, units: number): Promise<void> {
  for (let unit = 0; unit < units; unit += 1) {
    const { member } = await buildPointsLot({ points: 1000, earnedAt: now });
    await placeOrder({ buyerMemberId: member._id.toHexString(), itemId, qty: 1, idempotencyKey: `meanwhile-${itemId}-${unit}` }, orderContext);
  }
}

describe('adjustMallItemStock between a read and the members who redeem after it', () => {
  it('applies the delta to the stock as it is when written, not as it was read', async () => {
    const item = await buildMallItem({ stock: 10 });
    const id = item._id.toHexString();
    const adjusted = await adjustMallItemStock({ id, version: 0, delta: -5, reason: '调拨' }, audit, { afterLoad: () => redeemMeanwhile(id, 3) });
    // 10 - 3 redeemed - 5 taken away: a blind write of the 10 - 5 it read would give the members' 3 units again.
    expect(adjusted.stock).toBe(2);
    expect((await MallItemModel.findById(id).lean())?.stock).toBe(2);
  });

  it('refuses a removal that the units left no longer cover, leaving the members their units', async () => {
    const item = await buildMallItem({ stock: 10 });
    const id = item._id.toHexString();
    const attempt = adjustMallItemStock({ id, version: 0, delta: -8, reason: '调拨' }, audit, { afterLoad: () => redeemMeanwhile(id, 3) });
    await expect(attempt).rejects.toMatchObject({ status: 409, code: 'OPS_STOCK_NEGATIVE' });
    expect(await MallItemModel.findById(id).lean()).toMatchObject({ stock: 7, version: 0 });
    expect(await AuditEntryModel.findOne({ action: 'ops.mallItems.adjustStock', 'subject.id': id }).lean()).toMatchObject({ outcome: 'failed' });
  });
});

describe('a crash around an audited stock change', () => {
  const later = new Date(now.getTime() + PENDING_AUDIT_GRACE_MS + 1);
  const crash = () => {
    throw new Error('process died');
  };

  it('after the change: the entry left pending is settled applied by the repair path', async () => {
    const item = await buildMallItem({ stock: 10 });
    const id = item._id.toHexString();
    await expect(adjustMallItemStock({ id, version: 0, delta: 4, reason: '补货' }, { ...audit, faults: { afterChange: crash } })).rejects.toThrow('process died');
    expect(await AuditEntryModel.findOne({ 'subject.id': id }).lean()).toMatchObject({ outcome: 'pending' });
    await settlePendingAudits({ now: later });
    expect(await AuditEntryModel.findOne({ 'subject.id': id }).lean()).toMatchObject({ outcome: 'applied' });
    expect((await MallItemModel.findById(id).lean())?.stock).toBe(14);
  });

  it('before the change: nothing changed, and the entry is settled failed', async () => {
    const item = await buildMallItem({ stock: 10 });
    const id = item._id.toHexString();
    await expect(adjustMallItemStock({ id, version: 0, delta: 4, reason: '补货' }, { ...audit, faults: { afterEntryWritten: crash } })).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    await settlePendingAudits({ now: later });
    expect(await AuditEntryModel.findOne({ 'subject.id': id }).lean()).toMatchObject({ outcome: 'failed' });
    expect(await MallItemModel.findById(id).lean()).toMatchObject({ stock: 10, version: 0 });
  });
});
