import { readdirSync } from 'node:fs';
import path from 'node:path';
import mongoose, { Mongoose, Schema } from 'mongoose';
import { exportSectionReaders } from './exportSections';
import { personalDataHolders } from './personalDataRegistry';
import { registryGaps } from './registryCoverage';

/** Models that hold nothing about a member, and why. */
const MODELS_WITHOUT_MEMBER_DATA: Record<string, string> = {
  JobLease: 'scheduler leases',
  WechatAccessToken: 'the app’s WeChat access token',
  Store: 'stores',
  MallItem: 'the catalogue (reservedOrders/restockedOrders name orders, not members)',
  CouponTemplate: 'coupon kinds',
  BirthdayPackage: 'benefit packages',
  Migration: 'which data migrations ran',
  EventCheckpoint: 'where each event consumer has read to',
  EventHead: 'counts of the writes made to the event outbox, naming nothing',
  DailyRollup: 'per-day counts naming nobody (applied holds event ids)',
  SegmentSizes: 'members per lifecycle stage and RFM score, naming nobody',
  MemberDay: 'a day’s members by tier and lifecycle stage, naming nobody',
  LiabilitySnapshot: 'a day’s points liability totals by month, naming nobody',
  InsightsDay: 'per-day counts for the insights dashboards, naming nobody (complaint words come from our lexicon; applied holds event ids)',
  AuditHead: 'the audit chain’s last position and hash',
  Operator: 'the brand’s staff, not members',
  OperatorSession: 'console sessions of the brand’s staff',
  SettingsVersion: 'program rules',
  DonationCertificate: 'certificate numbers by order id; the order (MallOrder) is in the registry',
  Campaign: 'ops campaigns: audience filters, the message and the operators who made them; deliveries (CampaignDelivery) name members',
  SendRateWindow: 'campaign sends per second, naming nobody',
  Integration: 'a till’s or an online channel’s key',
  IntegrationNonce: 'nonces of signed requests, by integration',
  IntegrationDailyStats: 'request and error counts per integration and day, naming nobody',
  CommunityTopic: 'the community’s topics, kept by ops',
  ModerationWord: 'the local word list, kept by ops',
  Segment: 'member segments ops define: conditions and the operator who made them, naming no member',
  CampaignResult: 'per-campaign, per-variant counts and amounts naming nobody (applied holds event ids)',
  MediaCheck: 'WeChat trace ids of photo checks, naming photo and post ids only (deleted with the photos)',
  WriteoffCode: 'the numeric code beside a write-off QR, naming a coupon or order id only',
  Alert: 'KPI, channel and campaign thresholds crossed on a day: totals and the operator who acknowledged, naming no member',
  AlertNotice: 'An on-duty operator\'s notice of an alert (operator id, state, attempts): operators, no member',
  CampaignGmvDay: 'per-day attributed GMV by campaign id, naming nobody (applied holds event ids)',
};
/** Fields that look personal by name but are not, and why. */
const EXEMPTED_FIELDS: Record<string, string> = {
  'BirthdayPackage.window.withinBirthdayMonth': 'a rule of the package, not a member’s birthday',
  'MallItem.limitPerMember': 'a rule of the item',
  'HelpCampaign.helpersCount': 'a count, naming nobody',
  'MallOrder.flags.note': 'an operator’s note on handling a flag (ops are told not to write personal data there)',
  'Store.phone': 'the store’s own telephone number',
  'AuditEntry.ip': 'the acting operator’s address, not a member’s',
  'OperatorSession.ip': 'the operator’s address, for their own session list',
  'Member.newMemberRewardsEligible': 'a flag kept on the anonymised member, naming nobody',
  'LiabilitySnapshot.members': 'a count of members holding points, naming nobody',
  'SegmentSizes.members': 'a count of members with analytics stats, naming nobody',
  'MemberDay.members': 'a count of members on a business day, naming nobody',
  'DailyRollup.newMembers': 'a count of a day’s new members, naming nobody',
  'DailyRollup.activeMembers': 'a count of a day’s active members, naming nobody',
  'DailyRollup.funnels.birthday.reach': 'a count of members, naming nobody',
  'DailyRollup.funnels.birthday.open': 'a count of members, naming nobody',
  'DailyRollup.funnels.birthday.claim': 'a count of members, naming nobody',
  'DailyRollup.funnels.birthday.use': 'a count of members, naming nobody',
  'Segment.conditions': 'a segment’s conditions (tiers, months, stages), not a member’s data',
  'Coupon.conditions.birthdayMonthOnly': 'a rule of the coupon (usable in the holder’s birthday month only), not a birthday',
  'CouponTemplate.conditions.birthdayMonthOnly': 'a rule of the template, not a member’s birthday',
  'Campaign.audience.birthdayMonths': 'an audience filter (the months a campaign targets), not a member’s birthday',
  'InsightsBuyer.months.birthday': 'whether a month of orders was the buyer’s birthday month (a flag, not the birthday); the buyer is in the registry',
};
const exemptions = { models: MODELS_WITHOUT_MEMBER_DATA, fields: EXEMPTED_FIELDS };

/** Loads every *.model.ts under bff/src, so that a new model cannot escape the check by not being imported here. */
async function loadEveryModel(directory: string): Promise<void> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) await loadEveryModel(full);
    else if (entry.name.endsWith('.model.ts')) await import(full);
  }
}

describe('the personal-data registry', () => {
  beforeAll(() => loadEveryModel(path.join(__dirname, '..')));

  it('names every model that holds a member id or personal data, with every such field', () => {
    expect(Object.keys(mongoose.models).length).toBeGreaterThan(20);
    expect(registryGaps(mongoose, personalDataHolders, exemptions)).toEqual([]);
  });

  it('would catch a model holding a member id that is not in it, or a field it does not declare', () => {
    const other = new Mongoose();
    other.model('Gift', new Schema({ giverMemberId: Schema.Types.ObjectId, message: String }));
    other.model('Wishlist', new Schema({ wishes: [new Schema({ text: String, giverNickname: String })] }));
    const wishlist = personalDataHolders.filter((holder) => holder.model === 'Wishlist');
    expect(registryGaps(other, wishlist, { models: {}, fields: {} })).toEqual(['Gift: not in the personal-data registry']);
    expect(registryGaps(other, [{ ...wishlist[0]!, fields: ['_id'] }], { models: { Gift: 'test' }, fields: {} })).toEqual([
      'Gift: exempted, but holds giverMemberId',
      'Wishlist.wishes: not declared in the registry',
      'Wishlist.wishes.text: not declared in the registry',
      'Wishlist.wishes.giverNickname: not declared in the registry',
    ]);
  });

  it('export reads every section the registry names, and the registry names every section of the export', () => {
    const named = new Set(personalDataHolders.flatMap((holder) => holder.exportedIn));
    expect([...named].sort()).toEqual(Object.keys(exportSectionReaders).sort());
    const unexported = personalDataHolders.filter((holder) => holder.exportedIn.length === 0);
    expect(unexported.every((holder) => /Not exported/.test(holder.why))).toBe(true);
  });
});
