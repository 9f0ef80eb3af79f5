import { SMS_TEMPLATES, type CampaignVariables } from '@cakeday/shared';
import type { AppDeps } from '../http/deps';
import { RETRYABLE_SMS_CODES, SmsApiError } from '../sms/tencentSms';
import { smsTemplateIdOf } from '../sms/smsTemplates';
import type { Campaign } from './Campaign.model';
import { CampaignDeliveryModel, type CampaignDelivery } from './CampaignDelivery.model';
import { renderCampaignSms, smsNumberOf } from './campaignSms';
import { deliverCopyToInbox, leaveUnanswered, settleDelivery, type MemberForSend } from './deliverySteps';
import { releaseMarketingSlot } from './marketingCaps';
import { recordDeliverySent } from './results/recordCampaignEvents';

export interface SmsFaults {
  /** After the delivery is marked as going by SMS, before Tencent is called. */
  afterSmsChannel?: (delivery: CampaignDelivery) => void;
  /** After Tencent answered, before the outcome is written: a throw here is a crash mid-send. */
  afterSmsCall?: (delivery: CampaignDelivery) => void;
}

export interface SmsStepContext {
  deps: Pick<AppDeps, 'config' | 'sms'>;
  now: Date;
  workerId: string;
  faults: SmsFaults;
  maxAttempts: number;
  retryBaseMs: number;
}

export type SmsStepResult = 'sent' | 'failed' | 'deferred' | 'lost';

/** Whether the member may get the campaign's SMS: the campaign has one, the member a mainland number and (marketing) the SMS consent. */
export function smsAllowed(campaign: Pick<Campaign, 'message'>, member: Pick<MemberForSend, '_id' | 'phone'>, smsConsenting: ReadonlySet<string>): boolean {
  const sms = campaign.message.sms;
  if (!sms || !member.phone) return false;
  return SMS_TEMPLATES[sms.template].kind !== 'marketing' || smsConsenting.has(member._id.toHexString());
}

/**
 * The SMS channel of a delivery in `sending` held by this worker: marked `channel: sms` first (one conditional
 * update), then Tencent is called once. Tencent's SendSms has no idempotency key either: an unanswered call leaves
 * the delivery in `sending`, settled by Tencent's receipt for the member or marked unknown (settleSendingDeliveries),
 * never sent again. A frequency limit or Tencent being busy sends nothing: back to the queue after a backoff.
 */
export async function sendCampaignSms(context: SmsStepContext, delivery: CampaignDelivery, campaign: Campaign, member: MemberForSend, variables: CampaignVariables, inboxData: Record<string, string>): Promise<SmsStepResult> {
  const { deps, now, workerId } = context;
  const toInbox = () => deliverCopyToInbox(delivery, campaign, inboxData, now);
  const giveBackSlot = () => (delivery.marketing ? releaseMarketingSlot(delivery.memberId, delivery.key, now) : Promise.resolve());
  const fail = async (smsCode: string): Promise<SmsStepResult> => {
    await giveBackSlot();
    await settleDelivery(delivery._id, 'sending', { state: 'failed', channel: 'sms', smsCode }, now);
    await toInbox();
    return 'failed';
  };
  const retryLater = async (smsCode: string): Promise<SmsStepResult> => {
    // `delivery` is the one in `sending`: its attempts count this one already.
    if (delivery.attempts >= context.maxAttempts) return fail(smsCode);
    await CampaignDeliveryModel.updateOne(
      { _id: delivery._id, state: 'sending', channel: 'sms' },
      { $set: { state: 'queued', channel: null, sendingAt: null, leaseOwner: null, leaseUntil: null, nextAttemptAt: new Date(now.getTime() + context.retryBaseMs * 2 ** Math.max(0, delivery.attempts - 1)) } },
    );
    return 'deferred';
  };

  const rendered = renderCampaignSms(campaign, variables, deps.config.SMS_SIGN_NAME);
  const phone = smsNumberOf(member, deps.config);
  if (!rendered || !phone) return fail('InvalidParameterValue.IncorrectPhoneNumber');
  const marked = await CampaignDeliveryModel.findOneAndUpdate({ _id: delivery._id, state: 'sending', leaseOwner: workerId }, { $set: { channel: 'sms' } }, { returnDocument: 'after' }).lean();
  if (!marked) return 'lost';
  context.faults.afterSmsChannel?.(marked);
  // A member value that breaks the template (a long nickname) would be refused by Tencent: not sent.
  if (!rendered.fits) return fail('InvalidParameterValue.TemplateParameterLengthLimit');

  let status;
  try {
    const result = await deps.sms.sendSms({ phoneNumbers: [phone], templateId: smsTemplateIdOf(deps.config, rendered.templateKey), params: rendered.params, sessionContext: delivery.key });
    status = result.statuses[0];
  } catch (error) {
    if (!(error instanceof SmsApiError)) throw error;
    context.faults.afterSmsCall?.(marked);
    if (!error.answered) {
      await leaveUnanswered(delivery._id, now);
      return 'deferred';
    }
    return error.retryable ? retryLater(error.code) : fail(error.code);
  }
  context.faults.afterSmsCall?.(marked);
  if (!status) return fail('FailedOperation.NoStatus');
  if (status.code !== 'Ok') return RETRYABLE_SMS_CODES.has(status.code) ? retryLater(status.code) : fail(status.code);
  // As for a subscription message: the fact first (keyed by the delivery), so a crash before the settle keeps it.
  await recordDeliverySent(marked, campaign, now);
  await settleDelivery(delivery._id, 'sending', { state: 'sent', channel: 'sms', smsSerialNo: status.serialNo }, now);
  await toInbox();
  return 'sent';
}
