import { businessInstant } from '@cakeday/shared';
import { CouponModel } from '../coupons/Coupon.model';
import { buildTestApp, type TestApp } from '../test/app';
import { buildCampaign } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember } from '../test/factories';
import { buildCouponTemplate } from '../test/mallFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { buildMemberStats } from '../test/segmentFactories';
import { CampaignDeliveryModel } from './CampaignDelivery.model';
import { materialiseCampaign } from './materialiseCampaign';

useTestDatabase();

const clock = { now: businessInstant('2026-11-23T10:00:00') };
let app: TestApp;

beforeAll(() => {
  app = buildTestApp({ now: () => clock.now });
});

const message = (thing3: string) => ({ template: 'birthdayReminder' as const, fields: { thing1: '{{campaignName}}', date2: '2026年12月1日', thing3 }, page: 'pages/birthday/index', inboxTitle: '活动提醒' });

describe('a campaign variant’s benefit', () => {
  it('is saved with the variant when its coupon template is active; an unknown or inactive template is 422', async () => {
    const ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
    const template = await buildCouponTemplate();
    const stopped = await buildCouponTemplate({ active: false });
    const draft = { name: '黄金会员礼', trigger: { kind: 'push', sendAt: '2026-12-01T10:00:00+08:00' }, audience: { segment: 'builtin-rfm-gold' }, message: message('进店领取会员礼'), endsAt: '2026-12-31T23:59:00+08:00' };
    const variant = (couponTemplate: string) => ({ key: 'coupon', name: '送券版', message: null, benefit: { couponTemplate } });
    const created = await app.http.post('/api/ops.campaigns.create').set('Cookie', ops).send({ ...draft, variants: [variant(template.code)] });
    expect(created.status).toBe(200);
    expect(created.body.variants).toEqual([{ key: 'coupon', name: '送券版', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate: template.code } }]);
    for (const code of ['no-such-template', stopped.code]) {
      const refused = await app.http.post('/api/ops.campaigns.create').set('Cookie', ops).send({ ...draft, variants: [variant(code)] });
      expect([refused.status, refused.body.error.code, refused.body.error.fields?.[0]?.path]).toEqual([422, 'OPS_COUPON_TEMPLATE_NOT_FOUND', 'variants.0.benefit.couponTemplate']);
    }
  });

  it('members of the RFM 黄金 segment get their own variant’s coupon, once even when a crash repeats the batch; the holdout and other levels get none', async () => {
    const joined = businessInstant('2025-01-10T10:00:00');
    const gold = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const member = await buildMember({ createdAt: joined });
        await buildMemberStats(member, { stage: 'active', r: 5, f: 4, m: 4 });
        return member;
      }),
    );
    const bronze = await buildMember({ createdAt: joined });
    await buildMemberStats(bronze, { stage: 'active', r: 1, f: 1, m: 1 });
    const [cake, drink] = [await buildCouponTemplate({ title: '蛋糕券' }), await buildCouponTemplate({ title: '饮品券' })];
    const campaign = await buildCampaign({
      audience: { tiers: [], birthdayMonths: [], segment: 'builtin-rfm-gold' },
      holdoutPermille: 200,
      variants: [
        { key: 'cake', name: '蛋糕券', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate: cake!.code } },
        { key: 'drink', name: '饮品券', weight: 1, message: null, sendDelayDays: 1, benefit: { couponTemplate: drink!.code } },
      ],
      createdAt: clock.now,
    });

    // The first pass crashes after granting, before the cursor moves: the repeat grants nothing twice.
    await expect(
      materialiseCampaign(campaign._id, clock.now, 500, {
        afterGrant: () => {
          throw new Error('crash after the grant');
        },
      }),
    ).rejects.toThrow('crash after the grant');
    await materialiseCampaign(campaign._id, clock.now);

    const deliveries = await CampaignDeliveryModel.find({ campaignId: campaign._id }).lean();
    expect(deliveries).toHaveLength(30);
    const coupons = await CouponModel.find({ source: 'campaign' }).lean();
    const templateOf = new Map(coupons.map((coupon) => [coupon.memberId.toHexString(), coupon.templateCode]));
    expect(coupons).toHaveLength(templateOf.size);
    const expected = { cake: cake!.code, drink: drink!.code, holdout: undefined } as Record<string, string | undefined>;
    for (const delivery of deliveries) expect(templateOf.get(delivery.memberId.toHexString())).toBe(expected[delivery.variant ?? '']);
    expect(new Set(deliveries.map((delivery) => delivery.variant))).toEqual(new Set(['cake', 'drink', 'holdout']));
    expect(templateOf.has(bronze._id.toHexString())).toBe(false);
    expect(coupons.every((coupon) => coupon.sourceKey === `${campaign._id.toHexString()}:once`)).toBe(true);
    expect(gold.filter((member) => templateOf.has(member._id.toHexString())).length).toBe(coupons.length);

    // A template stopped since its campaign was saved grants nothing rather than stopping the campaign.
    const stopped = await buildCouponTemplate({ active: false });
    const later = await buildCampaign({
      audience: { tiers: [], birthdayMonths: [], segment: 'builtin-rfm-gold' },
      variants: [{ key: 'stopped', name: '停用券', weight: 1, message: null, sendDelayDays: 0, benefit: { couponTemplate: stopped.code } }],
      createdAt: clock.now,
    });
    await materialiseCampaign(later._id, clock.now);
    expect(await CampaignDeliveryModel.countDocuments({ campaignId: later._id })).toBe(30);
    expect(await CouponModel.countDocuments({ templateCode: stopped.code })).toBe(0);
  });
});
