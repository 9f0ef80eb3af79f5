import { consentTexts } from '@cakeday/shared';
import type { Response } from 'supertest';
import { Types } from 'mongoose';
import { MemberModel, type Member } from '../members/Member.model';
import { earnPoints } from '../points/earnPoints';
import { bindReferral } from '../referral/bindReferral';
import type { TestApp } from './app';
import { buildMember, sessionFor } from './factories';
import { buildMallItem } from './mallFactories';
import type { WechatSandboxHarness } from './wechatSandbox';
import { StaffAllowanceModel } from '../writeoff/StaffAllowance.model';
import { StoreModel } from '../writeoff/Store.model';
import { DEFAULT_SETTINGS_SNAPSHOT } from '../settings/settingsSource';
import { recordPushEvent } from '../wechat/messagePush/recordPushEvent';
import { buildIntegration, signedPost } from './integrationFactories';
import { buildMallOrders } from './orderFactories';
import { memberCodeFor, purchaseBody } from './posFactories';

/**
 * A member who used every feature, for the export and erasure tests (erasure.test.ts, exportCompleteness.test.ts):
 * the app must read the birthday packages and allow claiming on the day the birthday is set.
 */
export function everyFeatureScenario(http: () => TestApp['http'], sandbox: WechatSandboxHarness, clock: { now: Date }) {
  const post = async (route: string, auth: string, body: object = {}): Promise<Response> => {
  const response = await http().post(`/api/${route}`).set('Authorization', auth).send(body);
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
  const RECEIPT = 'R-EVERY-FEATURE-0001';
  const GIFT = '好友送的小花束';
  const POST_TEXT = '今天在人民广场店过了生日';
  const COMMENT = '这家的蛋糕真不错';
  /** A 1×1 PNG: the avatar the member uploads. */
  const AVATAR_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * Every feature: profile, phone, birthday + consent, points, a mall order written off, a coupon written off, a
 * wishlist, help both ways, referral both ways, a till purchase, a gift received, an uploaded avatar, community
 * posts, comments and likes both ways.
 */
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

  // A purchase at a store's till, identified by the member code.
  const till = await buildIntegration();
  const code = await memberCodeFor(http(), member, [], clock.now);
  const purchase = await signedPost(http(), till, 'pos.purchase', purchaseBody(code.numericCode, RECEIPT, 8800, { at: clock.now }), { at: clock.now });
  if (purchase.status !== 200) throw new Error(`pos.purchase: ${purchase.status} ${JSON.stringify(purchase.body)}`);

  // A friend's gift from the wishlist, paid and fulfilled to the member.
  const wishId: string = (await post('wishlist.mine', auth)).body.wishes[0].id;
  const giver = await someone({ nickname: '送礼好友' });
  await buildMallOrders(1, {
    buyerMemberId: giver.member._id,
    recipientMemberId: member._id,
    giftRef: wishId,
    item: { title: GIFT, coverImage: '', kind: 'service', couponTemplateCode: null },
    pointsTotal: 0,
    status: 'fulfilled',
    paidAt: clock.now,
    fulfilledAt: clock.now,
    createdAt: clock.now,
    updatedAt: clock.now,
  });

  // The community both ways: their post, a friend's comment on it, their comment on and like of the friend's post.
  const friend = await someone({ nickname: '社区好友', phone: { ciphertext: 'test', masked: '138****0000', boundAt: clock.now } });
  const ownPost = await post('community.create', auth, { text: POST_TEXT, idempotencyKey: `every-post-${memberId}` });
  const friendsPost = await post('community.create', friend.auth, { text: '生日快乐呀', idempotencyKey: `every-friend-post-${friend.member._id.toHexString()}` });
  const comment = await post('community.comment', auth, { postId: friendsPost.body.post.id, text: COMMENT, idempotencyKey: `every-comment-${memberId}` });
  await post('community.comment', friend.auth, { postId: friendsPost.body.post.id, text: '谢谢！', replyToCommentId: comment.body.comment.id, idempotencyKey: `every-reply-${friend.member._id.toHexString()}` });
  await post('community.comment', friend.auth, { postId: ownPost.body.post.id, text: '生日快乐', idempotencyKey: `every-friend-comment-${friend.member._id.toHexString()}` });
  await post('community.like', auth, { postId: friendsPost.body.post.id });

  // Last, so that it is their avatar: a picture uploaded through the BFF (stored, then checked by WeChat).
  await post('members.uploadAvatar', auth, { imageBase64: AVATAR_PNG });
  return { member: (await MemberModel.findById(member._id).lean()) ?? member, auth };
}

  return { post, someone, memberWhoDidEverything, texts: { NICKNAME, AVATAR, PHONE, WISH, NOTE, RECEIPT, GIFT, POST_TEXT, COMMENT } };
}
