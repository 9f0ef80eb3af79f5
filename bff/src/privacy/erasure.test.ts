import { DEFAULT_BIRTHDAY_PACKAGES, type MembersExportResponse } from '@cakeday/shared';
import mongoose from 'mongoose';
import { BirthdayPackageModel } from '../birthday/BirthdayPackage.model';
import { HelpCampaignModel } from '../help/HelpCampaign.model';
import { CouponModel } from '../coupons/Coupon.model';
import { DeletedAccountModel } from '../members/DeletedAccount.model';
import { PointsEntryModel } from '../points/PointsEntry.model';
import { ensureTestCouponTemplates } from '../referral/testSupport';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { useWechatSandbox } from '../test/wechatSandbox';
import { WriteoffRecordModel } from '../writeoff/WriteoffRecord.model';
import { saveTestSettings } from '../test/settings';
import { MemberModel } from '../members/Member.model';
import { everyFeatureScenario } from '../test/everyFeatureMember';

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

const { post, memberWhoDidEverything, texts } = everyFeatureScenario(() => http, sandbox, clock);
const { NICKNAME, AVATAR, PHONE, WISH, NOTE, RECEIPT, GIFT, POST_TEXT, COMMENT } = texts;

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
      // The picture they uploaded last replaced the one they first named.
      profile: { nickname: NICKNAME, avatarUrl: member.avatarUrl, phoneMasked: '139****5678', birthday: { month: 5, day: 20, year: 1990 } },
      wishlist: { shared: true, wishes: [expect.objectContaining({ text: WISH, note: NOTE })] },
      orders: [expect.objectContaining({ role: 'recipient', itemTitle: GIFT, status: 'fulfilled' }), expect.objectContaining({ role: 'buyer', itemTitle: '到店自提蛋糕', status: 'fulfilled' })],
      purchases: [expect.objectContaining({ receiptNo: RECEIPT })],
      community: { posts: [expect.objectContaining({ text: POST_TEXT })], comments: [expect.objectContaining({ text: COMMENT })] },
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
    const uploadedAvatar = new URL(member.avatarUrl ?? '').pathname.split('/').pop() ?? '';
    expect(uploadedAvatar).not.toBe('');
    const personal = [member.openid, NICKNAME, AVATAR, uploadedAvatar, PHONE, '****5678', WISH, NOTE, POST_TEXT, COMMENT];
    for (const [collection, documents] of after) {
      for (const text of personal) {
        expect({ collection, text, found: documents.some((doc) => doc.includes(text)) }).toEqual({ collection, text, found: false });
      }
    }
    // The member id remains only where the law or the accounts need it, never with anything identifying.
    const keptFor = ['members', 'consents', 'points_entries', 'points_accounts', 'mall_orders', 'coupons', 'writeoff_records', 'help_assists', 'help_campaigns', 'referrals', 'events', 'pos_purchases', 'paid_spend'];
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
