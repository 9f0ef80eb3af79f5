import { MemberModel } from '../members/Member.model';
import { MallOrderModel } from '../orders/MallOrder.model';
import { buildTestApp, testConfig, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { usePaySandbox } from '../test/paySandbox';

useTestDatabase();
const sandbox = usePaySandbox();
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ config: testConfig(sandbox().config) });
  sandbox().serve(app.server);
});

const post = (route: string, auth: string | null, body: object) => {
  const request = app.http.post(`/api/${route}`);
  return (auth ? request.set('Authorization', auth) : request).send(body);
};

async function member(nickname: string): Promise<{ id: string; auth: string }> {
  const built = await buildMember({ nickname, birthday: { month: 8, day: 8, year: 1995 }, avatarUrl: `https://img.example.com/${nickname}.png` });
  // A member who opened the mini-program just now: their texts can be checked by msgSecCheck (and pass).
  await sandbox().sandbox.control.visit({ openid: built.openid });
  return { id: built._id.toHexString(), auth: await sessionFor(built) };
}

describe('wishlist editing', () => {
  it('401, 400, 422 for an item that cannot be wished, 409 past 10 wishes, update, remove, reorder (409 on a stale order)', async () => {
    expect((await post('wishlist.mine', null, {})).status).toBe(401);
    const owner = await member('阿梅');
    expect((await post('wishlist.add', owner.auth, { kind: 'text', text: '' })).status).toBe(400);
    expect((await post('wishlist.add', owner.auth, { kind: 'text', text: 'x'.repeat(41) })).status).toBe(400);
    const unknownItem = await post('wishlist.add', owner.auth, { kind: 'item', itemId: '64d000000000000000000bad' });
    expect([unknownItem.status, unknownItem.body.error.code]).toEqual([422, 'WISH_ITEM_UNAVAILABLE']);

    const empty = await post('wishlist.mine', owner.auth, {});
    expect(empty.body).toEqual({ wishes: [], maxWishes: 10, shared: false, share: null });
    const item = await buildMallItem({ pointsPrice: 0, cashFen: 6800, title: '草莓蛋糕' });
    const withItem = await post('wishlist.add', owner.auth, { kind: 'item', itemId: item._id.toHexString(), note: '6寸就好' });
    expect(withItem.status).toBe(200);
    expect(withItem.body.wishes[0]).toMatchObject({ kind: 'item', item: { title: '草莓蛋糕', priceFen: 6800, priceText: '¥68', onSale: true }, note: '6寸就好', giftable: true, fulfilled: false });
    // Ten in all, concurrently: the cap holds.
    const adds = await Promise.all(Array.from({ length: 12 }, (_unused, index) => post('wishlist.add', owner.auth, { kind: 'text', text: `心愿${index}` })));
    expect(adds.filter((response) => response.status === 200)).toHaveLength(9);
    expect(adds.filter((response) => response.status === 409 && response.body.error.code === 'WISHLIST_FULL')).toHaveLength(3);

    const mine = await post('wishlist.mine', owner.auth, {});
    expect(mine.body.wishes).toHaveLength(10);
    const ids: string[] = mine.body.wishes.map((wish: { id: string }) => wish.id);
    const textWish = mine.body.wishes[1].id as string;
    const itemText = await post('wishlist.update', owner.auth, { wishId: ids[0], text: '改文字' });
    expect([itemText.status, itemText.body.error.code]).toEqual([422, 'WISH_TEXT_NOT_EDITABLE']);
    const updated = await post('wishlist.update', owner.auth, { wishId: textWish, text: '一束花', note: '' });
    expect(updated.body.wishes[1]).toMatchObject({ text: '一束花', note: null });
    expect((await post('wishlist.update', owner.auth, { wishId: '64d000000000000000000bad', note: 'x' })).status).toBe(404);

    const reversed = [...ids].reverse();
    expect((await post('wishlist.reorder', owner.auth, { wishIds: reversed.slice(1) })).body.error.code).toBe('WISHLIST_ORDER_MISMATCH');
    const reordered = await post('wishlist.reorder', owner.auth, { wishIds: reversed });
    expect(reordered.body.wishes.map((wish: { id: string }) => wish.id)).toEqual(reversed);
    expect(reordered.body.wishes.map((wish: { position: number }) => wish.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const removed = await post('wishlist.remove', owner.auth, { wishId: textWish });
    expect(removed.body.wishes).toHaveLength(9);
    expect((await post('wishlist.remove', owner.auth, { wishId: textWish })).status).toBe(404);
  });
});

describe('sharing, the friend’s view and gifting', () => {
  it('private until shared; the friend sees month and day only; D gifts and pays, A sees the wish fulfilled', async () => {
    const owner = await member('阿梅');
    const item = await buildMallItem({ pointsPrice: 0, cashFen: 3900, title: '生日蜡烛礼盒', kind: 'service' });
    const pointsItem = await buildMallItem({ pointsPrice: 500, cashFen: 0, title: '积分商品' });
    await post('wishlist.add', owner.auth, { kind: 'item', itemId: item._id.toHexString() });
    await post('wishlist.add', owner.auth, { kind: 'item', itemId: pointsItem._id.toHexString() });
    await post('wishlist.add', owner.auth, { kind: 'text', text: '和朋友吃顿饭' });
    expect((await post('wishlist.poster', owner.auth, {})).body.error.code).toBe('WISHLIST_NOT_SHARED');

    const shared = await post('wishlist.share', owner.auth, { shared: true });
    expect(shared.body.shared).toBe(true);
    const { shareId, path, scene } = shared.body.share;
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(path).toBe(`/pages/wishlist/friend/index?sid=${shareId}&ref=${shared.body.share.referralCode}`);
    const poster = await post('wishlist.poster', owner.auth, {});
    expect(poster.status).toBe(200);
    expect(Buffer.from(poster.body.imageBase64, 'base64').subarray(0, 4).toString('hex')).toBe('89504e47');

    expect((await post('wishlist.view', null, { shareId: 'bad id' })).status).toBe(400);
    expect((await post('wishlist.view', null, { shareId: 'w000000000000' })).status).toBe(404);
    const view = await post('wishlist.view', null, { shareId });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ owner: { nickname: '阿梅' }, birthday: { month: 8, day: 8 }, viewer: { loggedIn: false, isOwner: false } });
    expect(JSON.stringify(view.body)).not.toMatch(/1995|phone|openid/);
    expect(view.body.wishes.map((wish: { giftable: boolean }) => wish.giftable)).toEqual([true, false, false]);

    const giver = await member('小D');
    const wishId = view.body.wishes[0].id as string;
    expect((await post('wishlist.gift', null, { shareId, wishId, idempotencyKey: 'gift-key-1' })).status).toBe(401);
    expect((await post('wishlist.gift', giver.auth, { shareId, wishId, idempotencyKey: 'short' })).status).toBe(400);
    expect((await post('wishlist.gift', owner.auth, { shareId, wishId, idempotencyKey: 'gift-key-0' })).body.error.code).toBe('WISH_GIFT_SELF');
    expect((await post('wishlist.gift', giver.auth, { shareId, wishId: view.body.wishes[1].id, idempotencyKey: 'gift-key-2' })).body.error.code).toBe('WISH_NOT_GIFTABLE');

    const gift = await post('wishlist.gift', giver.auth, { shareId, wishId, idempotencyKey: 'gift-key-1' });
    expect(gift.status).toBe(200);
    expect(gift.body).toMatchObject({ amountFen: 3900, order: { status: 'awaiting_payment', gift: { received: false, giftRef: wishId } }, payment: { signType: 'RSA' } });
    expect((await post('wishlist.view', null, { shareId })).body.wishes[0]).toMatchObject({ giftPending: true, giftable: false, fulfilled: false });

    sandbox().pay.pay(gift.body.order.orderNo);
    await sandbox().pay.settled(sandbox().pay.lastNotificationId() as string);
    const order = await MallOrderModel.findById(gift.body.orderId).lean();
    expect(order?.status).toBe('fulfilled');
    expect(order?.recipientMemberId?.toHexString()).toBe(owner.id);

    const mine = await post('wishlist.mine', owner.auth, {});
    expect(mine.body.wishes[0]).toMatchObject({ fulfilled: true, giftable: false, giver: { nickname: '小D' } });
    const friendView = await post('wishlist.view', giver.auth, { shareId });
    expect(friendView.body.wishes[0]).toMatchObject({ fulfilled: true, giver: null });
    expect((await post('wishlist.gift', giver.auth, { shareId, wishId, idempotencyKey: 'gift-key-3' })).body.error.code).toBe('WISH_ALREADY_FULFILLED');

    await post('wishlist.share', owner.auth, { shared: false });
    expect((await post('wishlist.view', null, { shareId })).status).toBe(404);
  });
  it('422 GIFT_RECIPIENT_INVALID for a gift to an owner whose account is being deleted', async () => {
    const owner = await member('阿兰');
    const item = await buildMallItem({ pointsPrice: 0, cashFen: 1900, title: '小花束', kind: 'service' });
    await post('wishlist.add', owner.auth, { kind: 'item', itemId: item._id.toHexString() });
    const { shareId } = (await post('wishlist.share', owner.auth, { shared: true })).body.share;
    const wishId = (await post('wishlist.view', null, { shareId })).body.wishes[0].id as string;
    // The deletion has marked the account and not yet removed the wishlist.
    await MemberModel.updateOne({ _id: owner.id }, { $set: { status: 'deleted' } });
    const giver = await member('小E');
    const gift = await post('wishlist.gift', giver.auth, { shareId, wishId, idempotencyKey: 'gift-key-deleted' });
    expect([gift.status, gift.body.error.code]).toEqual([422, 'GIFT_RECIPIENT_INVALID']);
  });
});
