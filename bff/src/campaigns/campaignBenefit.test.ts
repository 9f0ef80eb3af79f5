import { businessInstant, DEFAULT_VARIANT, HOLDOUT_VARIANT } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import { issueCoupon } from '../coupons/issueCoupon';
import { ConsentModel } from '../consents/Consent.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { InboxMessageModel } from '../messages/InboxMessage.model';
import { MemberModel, type Member } from '../members/Member.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { buildTestApp, type TestApp } from '../test/app';
import { buildCampaign, creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildCouponTemplate } from '../test/mallFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { CampaignModel, type Campaign } from './Campaign.model';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { dispatchDeliveries, type DispatchFaults } from './dispatchDeliveries';
import { materialiseCampaign } from './materialiseCampaign';
import { migrateCampaignBenefits } from './migrateCampaignBenefits';

useTestDatabase();
const sandbox = useWechatSandbox();

const clock = { now: businessInstant('2027-03-01T12:00:00') };
let app: TestApp;
let round = 0;

beforeAll(() => {
  app = buildTestApp({ config: sandbox.config(), now: () => clock.now });
});
beforeEach(async () => {
  await sandbox.control().reset();
  const models = [MemberModel, CampaignModel, CampaignDeliveryModel, CouponModel, InboxMessageModel, SubscriptionQuotaModel, DailyCounterModel, ConsentModel];
  await Promise.all(models.map((model) => (model as unknown as typeof MemberModel).deleteMany({})));
  clock.now = businessInstant('2027-03-01T12:00:00');
});

/** 权益到期提醒: a marketing template (the consent applies) whose expiry date is the coupon's last day. */
const message = { template: 'benefitExpiring' as const, fields: { thing1: '礼券已放入你的账户', time2: '{{expiryDate}} 23:59', thing3: '到店出示券码使用' }, page: 'pages/coupons/index', inboxTitle: '礼券到账' };

/** A member with `accepts` of 权益到期提醒 (0: no quota) and, unless told otherwise, the marketing consent. */
async function member(name: string, options: { consent?: boolean; accepts?: number } = {}): Promise<Member> {
  const { openid } = await sandbox.control().subscribe({ user: name }, 'benefitExpiring', 'accept', Math.max(options.accepts ?? 1, 1));
  const built = await buildMember({ openid, nickname: name });
  if ((options.accepts ?? 1) > 0) await creditTestAccepts(built, 'sandbox-tmpl-benefit-expiring', options.accepts ?? 1);
  if (options.consent !== false) await grantMarketingConsent([built]);
  return built;
}

async function dispatchAll(faults: DispatchFaults = {}): Promise<void> {
  for (let rounds = 0; rounds < 10; rounds += 1) if ((await dispatchDeliveries(app.deps, { workerId: `benefit-${(round += 1)}`, faults })).claimed === 0) return;
}

const couponsOf = async (who: Pick<Member, '_id'>) => CouponModel.find({ memberId: who._id }).lean();
const deliveryOf = async (campaign: Pick<Campaign, '_id'>, who: Pick<Member, '_id'>) => CampaignDeliveryModel.findOne({ campaignId: campaign._id, memberId: who._id }).lean();
const mainWith = (couponTemplate: string) => [{ key: DEFAULT_VARIANT, name: '默认版本', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate } }];
const crash = () => {
  throw new Error('worker killed');
};

describe('a campaign’s benefit (on its variants)', () => {
  it('is saved with the variant when its coupon template is active; an unknown or inactive template is 422; the campaign itself has none', async () => {
    const ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
    const template = await buildCouponTemplate();
    const stopped = await buildCouponTemplate({ active: false });
    const draft = { name: '黄金会员礼', trigger: { kind: 'push', sendAt: '2027-03-02T10:00:00+08:00' }, audience: { segment: 'builtin-rfm-gold' }, message, endsAt: '2027-03-31T23:59:00+08:00' };
    const variant = (couponTemplate: string) => ({ key: 'coupon', name: '送券版', message: null, benefit: { couponTemplate } });
    const created = await app.http.post('/api/ops.campaigns.create').set('Cookie', ops).send({ ...draft, variants: [variant(template.code)] });
    expect(created.status).toBe(200);
    expect(created.body.variants).toEqual([{ key: 'coupon', name: '送券版', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate: template.code } }]);
    expect(created.body).not.toHaveProperty('benefit');
    for (const code of ['no-such-template', stopped.code]) {
      const refused = await app.http.post('/api/ops.campaigns.create').set('Cookie', ops).send({ ...draft, variants: [variant(code)] });
      expect([refused.status, refused.body.error.code, refused.body.error.fields?.[0]?.path]).toEqual([422, 'OPS_COUPON_TEMPLATE_NOT_FOUND', 'variants.0.benefit.couponTemplate']);
    }
    // The campaign-level field is gone: one place for the benefit.
    const old = await app.http.post('/api/ops.campaigns.create').set('Cookie', ops).send({ ...draft, benefit: { couponTemplateCode: template.code } });
    expect([old.status, old.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    // A coupon without an experiment: the default variant alone.
    const plain = await app.http.post('/api/ops.campaigns.create').set('Cookie', ops).send({ ...draft, variants: mainWith(template.code) });
    expect(plain.status).toBe(200);
  });

  it('goes with the message by every channel — the subscription message or 消息中心 alone (no quota) — never to a member skipped for consent; the dry run and the report count it', async () => {
    const ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
    const template = await buildCouponTemplate({ validDays: 30 });
    const subscribed = await member('订阅');
    const noQuota = await member('无额度', { accepts: 0 });
    const noConsent = await member('未同意', { consent: false });
    const campaign = await buildCampaign({ createdAt: clock.now, message, variants: mainWith(template.code) });

    const dryRun = await app.http.post('/api/ops.campaigns.dryRun').set('Cookie', ops).send({ id: campaign._id.toHexString() });
    expect(dryRun.body).toMatchObject({ audienceSize: 3, benefits: 2 });

    await materialiseCampaign(campaign._id, clock.now);
    expect(await CouponModel.countDocuments({})).toBe(0);
    await dispatchAll();

    expect(await deliveryOf(campaign, subscribed)).toMatchObject({ state: 'sent', channel: 'subscription', variables: { expiryDate: '2027年3月31日' } });
    expect(await deliveryOf(campaign, noQuota)).toMatchObject({ state: 'skipped', skipReason: 'no_quota', channel: 'inbox' });
    expect(await deliveryOf(campaign, noConsent)).toMatchObject({ state: 'skipped', skipReason: 'no_consent' });
    expect((await couponsOf(subscribed)).map((coupon) => [coupon.templateCode, coupon.sourceKey])).toEqual([[template.code, `${campaign._id.toHexString()}:once`]]);
    expect((await couponsOf(noQuota)).map((coupon) => coupon.templateCode)).toEqual([template.code]);
    expect(await couponsOf(noConsent)).toEqual([]);
    expect((await sandbox.control().outbox(subscribed.openid)).map((sent) => sent.data.time2)).toEqual(['2027年3月31日 23:59']);
    const [copy] = await InboxMessageModel.find({ memberId: noQuota._id }).lean();
    expect(JSON.stringify(copy)).toContain('2027年3月31日 23:59');

    await CouponModel.updateOne({ memberId: subscribed._id }, { $set: { status: 'used' } });
    const report = await app.http.post('/api/ops.campaigns.report').set('Cookie', ops).send({ id: campaign._id.toHexString() });
    expect(report.body.benefits).toEqual({ granted: 2, used: 1 });
  });

  it('each variant’s members get its own coupon; the holdout none', async () => {
    const [cake, drink] = [await buildCouponTemplate({ title: '蛋糕券' }), await buildCouponTemplate({ title: '饮品券' })];
    const members = await Promise.all(Array.from({ length: 20 }, (_, index) => member(`分组${index}`)));
    const campaign = await buildCampaign({
      createdAt: clock.now,
      message,
      holdoutPermille: 300,
      variants: [
        { key: 'cake', name: '蛋糕券', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate: cake!.code } },
        { key: 'drink', name: '饮品券', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate: drink!.code } },
      ],
    });
    await materialiseCampaign(campaign._id, clock.now);
    await dispatchAll();
    const expected: Record<string, string[]> = { cake: [cake!.code], drink: [drink!.code], [HOLDOUT_VARIANT]: [] };
    const variants = new Set<string>();
    for (const who of members) {
      const delivery = await deliveryOf(campaign, who);
      variants.add(delivery?.variant ?? '');
      expect((await couponsOf(who)).map((coupon) => coupon.templateCode)).toEqual(expected[delivery?.variant ?? '']);
    }
    expect(variants).toEqual(new Set(['cake', 'drink', HOLDOUT_VARIANT]));
  });

  it('a worker killed before or after the grant: the lease runs out, the next round grants nothing twice and sends once', async () => {
    const template = await buildCouponTemplate();
    const before = await member('授前', { accepts: 2 });
    const campaign = await buildCampaign({ createdAt: clock.now, message, variants: mainWith(template.code) });
    await materialiseCampaign(campaign._id, clock.now);

    await expect(dispatchDeliveries(app.deps, { workerId: 'killed-1', faults: { afterClaim: crash } })).rejects.toThrow('worker killed');
    expect(await couponsOf(before)).toEqual([]);
    await expect(dispatchDeliveries(app.deps, { workerId: 'killed-2', faults: { afterGrant: crash } })).resolves.toMatchObject({ claimed: 0 });
    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    await expect(dispatchDeliveries(app.deps, { workerId: 'killed-3', faults: { afterGrant: crash } })).rejects.toThrow('worker killed');
    expect(await couponsOf(before)).toHaveLength(1);
    expect(await deliveryOf(campaign, before)).toMatchObject({ state: 'queued' });
    expect(await sandbox.control().outbox(before.openid)).toEqual([]);

    // Within the lease nobody takes it; after, it is granted again (the same coupon) and sent once.
    await expect(dispatchDeliveries(app.deps, { workerId: 'w1' })).resolves.toMatchObject({ claimed: 0 });
    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    await dispatchAll();
    expect(await deliveryOf(campaign, before)).toMatchObject({ state: 'sent' });
    expect(await couponsOf(before)).toHaveLength(1);
    expect(await sandbox.control().outbox(before.openid)).toHaveLength(1);
  });

  it('a birthday campaign’s steps share one coupon a celebration', async () => {
    const template = await buildCouponTemplate();
    const { openid } = await sandbox.control().subscribe({ user: '寿星' }, 'benefitExpiring', 'accept', 2);
    const celebrant = await buildMember({ openid, nickname: '寿星', birthday: { month: 3, day: 10, year: 1990 } });
    await creditTestAccepts(celebrant, 'sandbox-tmpl-benefit-expiring', 2);
    await grantMarketingConsent([celebrant]);
    const campaign = await buildCampaign({ createdAt: clock.now, message, trigger: { kind: 'birthday', daysBefore: [7, 0] }, variants: mainWith(template.code) });
    for (const day of ['2027-03-03T12:00:00', '2027-03-10T12:00:00']) {
      clock.now = businessInstant(day);
      await materialiseCampaign(campaign._id, clock.now);
      await dispatchAll();
    }
    expect((await CampaignDeliveryModel.find({ campaignId: campaign._id }).lean()).map((delivery) => [delivery.occurrence, delivery.state]).sort()).toEqual([
      ['2027:T-0', 'sent'],
      ['2027:T-7', 'sent'],
    ]);
    expect((await couponsOf(celebrant)).map((coupon) => coupon.sourceKey)).toEqual([`${campaign._id.toHexString()}:2027`]);
  });
});

describe('a campaign stored with the campaign-level coupon (benefit.couponTemplateCode)', () => {
  /** As the BFF stored it before the benefit moved onto the variants. */
  async function legacyCampaign(fields: Record<string, unknown>): Promise<Campaign> {
    const built = await buildCampaign({ createdAt: clock.now, message });
    await CampaignModel.collection.updateOne({ _id: built._id }, { $set: fields, ...(fields.variants ? {} : { $unset: { variants: 1 } }) });
    const stored = await CampaignModel.findById(built._id).lean();
    if (!stored) throw new Error('no campaign');
    return stored;
  }

  it('reads as its default variant’s benefit, grants through it, and the migration moves it onto the variants once', async () => {
    const ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
    const [care, cake] = [await buildCouponTemplate({ code: 'care-legacy' }), await buildCouponTemplate({ code: 'cake-legacy' })];
    const plain = await legacyCampaign({ benefit: { couponTemplateCode: care.code } });
    const split = await legacyCampaign({
      benefit: { couponTemplateCode: care.code },
      variants: [
        { key: 'a', name: 'A', weight: 1, message: null, sendDelayDays: 0 },
        { key: 'b', name: 'B', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate: cake.code } },
      ],
    });
    const none = await legacyCampaign({ benefit: null });

    const read = await app.http.post('/api/ops.campaigns.get').set('Cookie', ops).send({ id: plain._id.toHexString() });
    expect(read.body.variants).toEqual(mainWith(care.code));
    expect(read.body).not.toHaveProperty('benefit');

    const who = await member('老活动');
    await materialiseCampaign(plain._id, clock.now);
    await dispatchAll();
    expect((await couponsOf(who)).map((coupon) => coupon.templateCode)).toEqual([care.code]);

    expect(await migrateCampaignBenefits()).toBe('2 campaign benefits moved onto their variants, 1 empty ones removed');
    expect(await migrateCampaignBenefits()).toMatch(/^0 campaign benefits moved/);
    const migrated = await CampaignModel.collection.find({ _id: { $in: [plain._id, split._id, none._id] } }).toArray();
    for (const document of migrated) expect(document).not.toHaveProperty('benefit');
    expect(migrated.find((document) => document._id.equals(plain._id))?.variants).toEqual(mainWith(care.code));
    expect(migrated.find((document) => document._id.equals(split._id))?.variants.map((variant: { benefit: unknown }) => variant.benefit)).toEqual([{ couponTemplate: care.code }, { couponTemplate: cake.code }]);
    expect(migrated.find((document) => document._id.equals(none._id))?.variants).toBeUndefined();
  });

  it('a delivery made before the upgrade, whose coupon was issued then by the delivery’s key, gets nothing twice', async () => {
    const care = await buildCouponTemplate({ code: 'care-inflight' });
    const campaign = await legacyCampaign({ benefit: { couponTemplateCode: care.code } });
    const who = await member('在途');
    await materialiseCampaign(campaign._id, clock.now);
    const delivery = await deliveryOf(campaign, who);
    if (!delivery) throw new Error('no delivery');
    // What the old materialisation wrote: the coupon keyed by the delivery, at the delivery's making.
    await issueCoupon({ memberId: who._id.toHexString(), templateCode: care.code, source: 'campaign', sourceKey: delivery.key }, delivery.createdAt);
    await dispatchAll();
    expect(await deliveryOf(campaign, who)).toMatchObject({ state: 'sent' });
    expect((await couponsOf(who)).map((coupon) => coupon.sourceKey)).toEqual([delivery.key]);
  });
});
