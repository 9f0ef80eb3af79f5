import { consentTexts } from '@cakeday/shared';
import { Types } from 'mongoose';
import { CampaignModel, type Campaign } from '../campaigns/Campaign.model';
import { ConsentModel } from '../consents/Consent.model';
import type { Member } from '../members/Member.model';
import { creditAccept } from '../subscriptions/quotaLedger';

const system = { id: 'test-operator', displayName: '测试运营' };

/** A saved campaign, running unless told otherwise: a one-off push of 生日提醒 due at `sendAt` (default now). */
export async function buildCampaign(overrides: Partial<Campaign> = {}): Promise<Campaign> {
  const now = overrides.createdAt ?? new Date();
  const created = await CampaignModel.create({
    _id: new Types.ObjectId(),
    name: '测试活动',
    trigger: { kind: 'push', sendAt: now },
    audience: { tiers: [], birthdayMonths: [] },
    message: {
      template: 'birthdayReminder',
      fields: { thing1: '{{campaignName}}', date2: '2026年12月1日', thing3: '{{nickname}}，别错过' },
      page: 'pages/birthday/index',
      inboxTitle: '活动提醒',
    },
    holdoutPermille: 0,
    endsAt: new Date(now.getTime() + 30 * 86_400_000),
    state: 'running',
    version: 0,
    audienceSize: null,
    needsApproval: false,
    createdBy: system,
    submittedBy: system,
    approvedBy: null,
    materialisation: { runKey: null, afterId: null, done: false },
    createdAt: now,
    updatedAt: now,
    auditSeqs: [],
    ...overrides,
  });
  return created.toObject();
}

/** The members agree to marketing messages (the current text), as consents.grant records it. */
export async function grantMarketingConsent(members: readonly Pick<Member, '_id'>[], at = new Date(0)): Promise<void> {
  const { version } = consentTexts.marketing_messages;
  await ConsentModel.insertMany(members.map((member) => ({ memberId: member._id, purpose: 'marketing_messages', action: 'grant', version, at, ip: null })));
}

/** The ledger credits `times` accepts of a template, as WeChat's popup pushes would (the sandbox must agree: subscribe there too). */
export async function creditTestAccepts(member: Pick<Member, '_id'>, templateId: string, times: number, at = new Date()): Promise<void> {
  for (let index = 0; index < times; index += 1) await creditAccept(member._id, templateId, `test-accept:${member._id.toHexString()}:${templateId}:${index}`, at);
}
