import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildCouponTemplate } from '../test/mallFactories';
import { CouponModel } from './Coupon.model';
import { issueCoupon } from './issueCoupon';

useTestDatabase();
const clock = { now: new Date('2026-05-10T04:00:00.000Z') };
const { http } = buildTestApp({ now: () => clock.now });

describe('members.me coupons.available', () => {
  it('counts the member’s coupons that are available and still valid, and nobody else’s', async () => {
    const member = await buildMember();
    const other = await buildMember();
    const auth = await sessionFor(member, { now: clock.now });
    const me = async () => (await http.post('/api/members.me').set('Authorization', auth).send({})).body.coupons;
    expect(await me()).toEqual({ available: 0 });

    const template = await buildCouponTemplate({ validDays: 30 });
    const issue = (memberId: string, sourceKey: string, validUntilAtMost?: Date) =>
      issueCoupon({ memberId, templateCode: template.code, source: 'redemption', sourceKey, validUntilAtMost }, clock.now);
    await issue(member._id.toHexString(), 'count-1');
    await issue(member._id.toHexString(), 'count-2');
    const used = await issue(member._id.toHexString(), 'count-3');
    await CouponModel.updateOne({ _id: used._id }, { $set: { status: 'used' } });
    // Past its validity but not yet swept by the expiry job: not usable, not counted.
    await issue(member._id.toHexString(), 'count-4', new Date(clock.now.getTime() - 1000));
    await issue(other._id.toHexString(), 'count-5');

    expect(await me()).toEqual({ available: 2 });
  });
});
