import { consentTexts, DEFAULT_BIRTHDAY_PACKAGES, type MembersExportResponse } from '@cakeday/shared';
import type { Response } from 'supertest';
import mongoose, { Types } from 'mongoose';
import { BirthdayPackageModel } from '../birthday/BirthdayPackage.model';
import { HelpCampaignModel } from '../help/HelpCampaign.model';
import { CouponModel } from '../coupons/Coupon.model';
import { DeletedAccountModel } from '../members/DeletedAccount.model';
import { MemberModel, type Member } from '../members/Member.model';
import { earnPoints } from '../points/earnPoints';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { bindReferral } from '../referral/bindReferral';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { StaffAllowanceModel } from '../writeoff/StaffAllowance.model';
import { StoreModel } from '../writeoff/Store.model';
import { WriteoffRecordModel } from '../writeoff/WriteoffRecord.model';
import { DEFAULT_SETTINGS_SNAPSHOT } from '../settings/settingsSource';
import { saveTestSettings } from '../test/settings';
import { recordPushEvent } from '../wechat/messagePush/recordPushEvent';

useTestDatabase();
const sandbox = useWechatSandbox();
const clock = { now: new Date('2026-05-15T04:00:00.000Z') }; // 15 May in Shanghai: birthday month, help window open
let http: TestApp['http'];

beforeAll(async () => {
  const config = sandbox.config({ HELP_ASSIST_LIMIT_PER_IP_PER_MINUTE: '100000', HELP_ASSIST_LIMIT_PER_MEMBER_PER_MINUTE: '1000' });
  const app = buildTestApp({ config, now: () => clock.now });
  http = app.http;
  await ensureTestCouponTemplates();
  // The member sets the birthday and claims its benefits on the same day: no minimum notice in this program.
  await saveTestSettings(app.deps, { birthday: { minDaysSetBeforeBenefits: 0 } });
  for (const pkg of DEFAULT_BIRTHDAY_PACKAGES) {
    await BirthdayPackageModel.updateOne({ code: pkg.code }, { $setOnInsert: { ...pkg, active: true, createdAt: clock.now, updatedAt: clock.now } }, { upsert: true });
  }
});

const post = async (route: string, auth: string, body: object = {}): Promise<Response> => {
  const response = await http.post(`/api/${route}`).set('Authorization', auth).send(body);
  if (response.status !== 200) throw new Error(`${route}: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
};

async function someone(overrides: Partial<Member> = {}): Promise<{ member: Member; auth: string }> {
  const member = await buildMember(overrides);
  await sandbox.control().visit({ openid: member.openid });
  return { member, auth: await sessionFor(member, { now: clock.now }) };
}

async function celebrant(nickname: string, day: number): Promise<{ member: Member; auth: string }> {
  const who = await someone({ nickname, birthday: { month: 5, day, year: 1992 } });
  await post('members.setBirthday', who.auth, { month: 5, day, consentVersion: consentTexts.birthday.version });
  return who;
}

async function staff(): Promise<string> {
  const store = await StoreModel.create({ code: `S${new Types.ObjectId().toHexString()}`, name: '人民广场店', address: '', createdAt: clock.now });
  const member = await buildMember();
  await StaffAllowanceModel.create({ openid: member.openid, storeId: store._id, name: '店员小王', active: true, createdAt: clock.now });
  return sessionFor(member, { now: clock.now });
}

const NICKNAME = '要走的麦';
const AVATAR = 'https://img.example.com/leaving.png';
const PHONE = '13912345678';
const WISH = '想要一束白玫瑰';
const NOTE = '最好是白色的';

/** Every feature: profile, phone, birthday + consent, points, a mall order written off, a coupon written off, a wishlist, help both ways, referral both ways. */
async function memberWhoDidEverything(): Promise<{ member: Member; auth: string }> {
  const { member, auth } = await someone({ createdAt: clock.now });
  const memberId = member._id.toHexString();
  await post('members.update', auth, { nickname: NICKNAME, avatarUrl: AVATAR });
  await post('members.bindPhone', auth, { code: await sandbox.control().phoneCode({ openid: member.openid }, PHONE) });
  await post('members.setBirthday', auth, { month: 5, day: 20, year: 1990, consentVersion: consentTexts.birthday.version });
  await earnPoints({ memberId, points: 500, idempotencyKey: `erase-earn-${memberId}`, reasonCode: 'order_paid', reason: '订单支付获得积分', reference: null }, { now: clock.now, settings: DEFAULT_SETTINGS_SNAPSHOT });
  const cashier = await staff();

  const item = await buildMallItem({ kind: 'physical', pointsPrice: 100, cashFen: 0, title: '到店自提蛋糕' });
  const redeemed = await post('mall.redeem', auth, { itemId: item._id.toHexString(), idempotencyKey: `erase-${memberId}` });
  const orderQr = await post('orders.qr', auth, { orderId: redeemed.body.order.id });
  await post('writeoff.redeem', cashier, { token: orderQr.body.token });

  const claimed = await post('birthday.claim', auth, { packageCode: 'birthday-month-coupon' });
  const couponQr = await post('coupons.qr', auth, { couponId: claimed.body.coupons[0].couponId });
  await post('writeoff.redeem', cashier, { token: couponQr.body.token });

  // WeChat pushed their answer to a subscription popup (the message push inbox keeps it under their openid).
  await recordPushEvent({ type: 'subscribe_msg_popup_event', openid: member.openid, createTime: 1_778_800_000, templateId: 'sandbox-tmpl-birthday-reminder', status: 'accept', popupScene: 0 }, clock.now);

  await post('wishlist.add', auth, { kind: 'text', text: WISH, note: NOTE });
  await post('wishlist.share', auth, { shared: true });

  // Help as owner (a friend helps) and as helper (they help a friend).
  const ownCampaign = await post('help.start', auth);
  const helper = await someone({ nickname: '助力好友' });
  await post('help.assist', helper.auth, { shareId: ownCampaign.body.share.shareId });
  const other = await celebrant('别人的寿星', 18);
  const othersCampaign = await post('help.start', other.auth);
  await post('help.assist', auth, { shareId: othersCampaign.body.share.shareId });

  // Referral both ways: invited by a friend, and inviting another.
  const inviter = await someone({ nickname: '邀请人' });
  const invite = await post('referral.mine', inviter.auth);
  expect(await bindReferral({ inviteeId: memberId, inviteeIsNew: true, inviteeEligible: true, shareId: invite.body.invite.shareId, referralCode: invite.body.code }, { now: clock.now, settings: DEFAULT_SETTINGS_SNAPSHOT })).toMatchObject({ bound: true });
  const own = await post('referral.mine', auth);
  const invitee = await someone({ nickname: '被邀请人' });
  expect(await bindReferral({ inviteeId: invitee.member._id.toHexString(), inviteeIsNew: true, inviteeEligible: true, shareId: own.body.invite.shareId, referralCode: own.body.code }, { now: clock.now, settings: DEFAULT_SETTINGS_SNAPSHOT })).toMatchObject({ bound: true });
  return { member: (await MemberModel.findById(member._id).lean()) ?? member, auth };
}

/** Every document of every collection, as text, by collection. */
async function everything(): Promise<Map<string, string[]>> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('no database');
  const collections = await db.listCollections().toArray();
  const all = new Map<string, string[]>();
  for (const { name } of collections) {
    const documents = await db.collection(name).find({}).toArray();
    all.set(name, documents.map((document) => JSON.stringify(document)));
  }
  return all;
}

describe('members.export and members.delete walk every place member data is kept', () => {
  it('export holds all of it; after deletion nothing of theirs is left but what the law and the accounts require', async () => {
    const { member, auth } = await memberWhoDidEverything();
    const id = member._id.toHexString();

    const exported: MembersExportResponse = (await post('members.export', auth)).body;
    expect(exported).toMatchObject({
      profile: { nickname: NICKNAME, avatarUrl: AVATAR, phoneMasked: '139****5678', birthday: { month: 5, day: 20, year: 1990 } },
      wishlist: { shared: true, wishes: [expect.objectContaining({ text: WISH, note: NOTE })] },
      orders: [expect.objectContaining({ role: 'buyer', itemTitle: '到店自提蛋糕', status: 'fulfilled' })],
      writeoffs: [expect.objectContaining({ storeName: '人民广场店' }), expect.objectContaining({ storeName: '人民广场店' })],
      birthdayClaims: [expect.objectContaining({ packageCode: 'birthday-month-coupon', celebrationYear: 2026 })],
      consents: [expect.objectContaining({ purpose: 'birthday', action: 'grant' })],
    });
    expect(exported.coupons).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'birthday', status: 'used' }), expect.objectContaining({ source: 'referral', status: 'available' })]));
    expect([exported.help.campaigns.length, exported.help.assists.length]).toEqual([1, 1]);
    expect(exported.referral).toMatchObject({ code: expect.any(String), invitedBy: { state: 'joined' }, invited: [expect.objectContaining({ state: 'joined' })] });
    expect(exported.referral.shares.length).toBeGreaterThanOrEqual(3); // wishlist, help, invite
    expect(JSON.stringify(exported)).not.toMatch(new RegExp(`${member.openid}|${PHONE}`));

    const before = await everything();
    const mentions = (text: string): string[] => [...before].filter(([, docs]) => docs.some((doc) => doc.includes(text))).map(([name]) => name);
    // The scenario really copied the nickname elsewhere (write-off records; help cards read the live member).
    expect(mentions(NICKNAME).sort()).toEqual(['members', 'writeoff_records']);
    const ledgerEntries = await PointsEntryModel.countDocuments({ memberId: member._id });

    expect((await http.post('/api/members.delete').set('Authorization', auth).send({ confirm: true })).status).toBe(200);

    const after = await everything();
    // The masked phone, not its bare last four digits: those can occur by chance inside any ObjectId or hash.
    const personal = [member.openid, NICKNAME, AVATAR, PHONE, '****5678', WISH, NOTE];
    for (const [collection, documents] of after) {
      for (const text of personal) {
        expect({ collection, text, found: documents.some((doc) => doc.includes(text)) }).toEqual({ collection, text, found: false });
      }
    }
    // The member id remains only where the law or the accounts need it, never with anything identifying.
    const keptFor = ['members', 'consents', 'points_entries', 'points_accounts', 'mall_orders', 'coupons', 'writeoff_records', 'help_assists', 'help_campaigns', 'referrals', 'events'];
    const holdingId = [...after].filter(([, docs]) => docs.some((doc) => doc.includes(id))).map(([name]) => name);
    expect(holdingId.filter((name) => !keptFor.includes(name))).toEqual([]);
    for (const gone of ['wishlists', 'birthday_claims', 'share_links', 'referral_codes', 'help_daily_counts', 'mall_redemption_limits']) {
      expect({ gone, left: (after.get(gone) ?? []).filter((doc) => doc.includes(id)).length }).toEqual({ gone, left: 0 });
    }

    const stored = await MemberModel.findById(member._id).lean();
    expect(stored).toMatchObject({ status: 'deleted', nickname: null, nicknameReview: null, avatarUrl: null, phone: null, birthday: null, erasedAt: clock.now });
    expect(await HelpCampaignModel.countDocuments({ memberId: member._id })).toBe(0);
    const othersCampaign = await HelpCampaignModel.findOne({ 'helpers.memberId': member._id }).lean();
    expect(othersCampaign?.helpers.find((copy) => copy.memberId.equals(member._id))).toMatchObject({ nickname: null, avatarUrl: null });
    expect(othersCampaign?.helpersCount).toBe(1);
    expect(await CouponModel.countDocuments({ memberId: member._id, status: 'available' })).toBe(0);
    expect((await WriteoffRecordModel.find({ memberId: member._id }).lean()).map((record) => record.memberName)).toEqual(['会员', '会员']);
    expect(await PointsEntryModel.countDocuments({ memberId: member._id })).toBe(ledgerEntries);
    expect(await DeletedAccountModel.countDocuments()).toBe(1);
  });
});
