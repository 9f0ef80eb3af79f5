import type { Types } from 'mongoose';
import { CampaignDeliveryModel, type CampaignDelivery } from '../../bff/src/campaigns/CampaignDelivery.model';
import type { OutboxMessage } from '../wechat-sandbox/state';
import type { InvariantReport } from './invariants';

const TERMINAL = new Set(['sent', 'failed', 'skipped', 'unknown']);

/** The delivery a campaign message was sent for: its landing page carries `?delivery=<id>` (deliverySteps.landingPage). */
export function deliveryIdOf(message: Pick<OutboxMessage, 'page'>): string | null {
  const query = message.page?.split('?')[1];
  return query ? new URLSearchParams(query).get('delivery') : null;
}

export interface DeliveryCheck {
  campaignId: Types.ObjectId;
  /** The campaign's name as its messages carry it (thing1): a message of the campaign that names no delivery is caught. */
  campaignName: string;
  /** WeChat's side (the sandbox's outbox): what was really sent. */
  outbox: readonly OutboxMessage[];
  /**
   * Deliveries a kill left in `sending` (held by the killed process): with those whose send WeChat never answered
   * (`unansweredAt`), the only ones that may end `unknown`.
   */
  killedWhileSending: ReadonlySet<string>;
}

/** What a delivery left half way says of why: its attempts, when it is due, its lease, what WeChat last answered. */
function leftHow(delivery: CampaignDelivery): string {
  const at = (date: Date | null | undefined): string => (date ? date.toISOString() : 'none');
  return `attempts ${delivery.attempts}, due ${at(delivery.nextAttemptAt)}, lease ${delivery.leaseOwner ?? 'none'} until ${at(delivery.leaseUntil)}, errcode ${delivery.errcode ?? 'none'}, channel ${delivery.channel ?? 'none'}`;
}

/** How the campaign's deliveries ended, for the summary: by state, messages in WeChat's outbox, unknown ones split. */
export type DeliveryTally = Record<string, number>;

/**
 * "No message sent twice", with WeChat's outbox as the judge: at most one message per delivery (campaign, member,
 * occurrence) and per member; every delivery terminal; `sent` ⇔ exactly one message (with the msgid recorded, when
 * one is); `failed` and `skipped` ⇔ none; `unknown` only for a delivery a kill left in `sending` or whose send WeChat
 * never answered, with at most one.
 */
export async function checkDeliveries(input: DeliveryCheck, report: InvariantReport): Promise<DeliveryTally> {
  const deliveries = await CampaignDeliveryModel.find({ campaignId: input.campaignId }).lean();
  const violate = (detail: string): void => void report.violations.push({ invariant: 'no message sent twice', detail });
  const byId = new Map(deliveries.map((delivery) => [delivery._id.toHexString(), delivery]));
  const messagesOf = new Map<string, OutboxMessage[]>();
  const perMember = new Map<string, number>();
  let campaignMessages = 0;
  for (const message of input.outbox) {
    const deliveryId = deliveryIdOf(message);
    const delivery = deliveryId ? byId.get(deliveryId) : undefined;
    if (!delivery) {
      if (message.data.thing1 === input.campaignName) violate(`message ${message.msgid} to ${message.touser} names no delivery of the campaign`);
      continue;
    }
    campaignMessages += 1;
    messagesOf.set(deliveryId as string, [...(messagesOf.get(deliveryId as string) ?? []), message]);
    perMember.set(message.touser, (perMember.get(message.touser) ?? 0) + 1);
  }
  for (const [openid, count] of perMember) if (count > 1) violate(`${openid} got ${count} messages of the campaign`);

  const tally: DeliveryTally = { deliveries: deliveries.length, 'messages in the outbox': campaignMessages };
  for (const delivery of deliveries) {
    const id = delivery._id.toHexString();
    const messages = messagesOf.get(id) ?? [];
    tally[delivery.state] = (tally[delivery.state] ?? 0) + 1;
    const where = `${delivery.key} (${delivery.state})`;
    if (messages.length > 1) violate(`${where}: sent ${messages.length} times`);
    if (!TERMINAL.has(delivery.state)) violate(`${where}: left ${delivery.state} (${leftHow(delivery)})`);
    else if (delivery.state === 'sent') {
      if (messages.length === 0) violate(`${where}: recorded sent, nothing in WeChat's outbox`);
      else if (delivery.msgId && messages[0]?.msgid !== delivery.msgId) violate(`${where}: msgid ${delivery.msgId}, WeChat's is ${messages[0]?.msgid}`);
    } else if (delivery.state === 'unknown') {
      const killed = input.killedWhileSending.has(id);
      if (!killed && !delivery.unansweredAt) violate(`${where}: unknown, but no kill left it sending and WeChat answered its send`);
      const key = `unknown (${killed ? 'killed while sending' : 'WeChat gave no answer'}), ${messages.length > 0 ? 'sent' : 'not sent'}`;
      tally[key] = (tally[key] ?? 0) + 1;
    } else if (messages.length > 0) violate(`${where}: recorded ${delivery.state}, but WeChat sent it`);
  }
  report.checked['campaign deliveries'] = deliveries.length;
  return tally;
}
