import { Types } from 'mongoose';
import type { DeliveryState } from '@cakeday/shared';
import { CampaignDeliveryModel, deliveryKey, type CampaignDelivery } from '../../bff/src/campaigns/CampaignDelivery.model';
import { useTestDatabase } from '../../bff/src/test/database';
import type { OutboxMessage } from '../wechat-sandbox/state';
import { checkDeliveries } from './deliveryInvariants';
import type { InvariantReport } from './invariants';

useTestDatabase();

const NAME = '混沌活动';
const campaignId = new Types.ObjectId();
let sequence = 0;

async function delivery(state: DeliveryState, msgId: string | null = null): Promise<CampaignDelivery> {
  const memberId = new Types.ObjectId();
  const now = new Date();
  const created = await CampaignDeliveryModel.create({
    key: deliveryKey(campaignId, memberId, 'once'), campaignId, memberId, occurrence: 'once', laterSteps: 0, marketing: true, state,
    nextAttemptAt: now, attempts: state === 'queued' ? 0 : 1, sentTo: `o-${memberId.toHexString()}`, msgId, createdAt: now,
  });
  return created.toObject();
}

function message(of: CampaignDelivery, msgid = `msg-${(sequence += 1)}`, touser = of.sentTo ?? 'o-x'): OutboxMessage {
  return { at: Date.now(), msgid, appid: 'wx', touser, templateId: 'tmpl', page: `pages/birthday/index?delivery=${of._id.toHexString()}`, data: { thing1: NAME }, miniprogramState: 'formal', lang: 'zh_CN' };
}

async function check(outbox: OutboxMessage[], killed: CampaignDelivery[] = []): Promise<{ report: InvariantReport; tally: Record<string, number> }> {
  const report: InvariantReport = { checked: {}, violations: [] };
  const tally = await checkDeliveries({ campaignId, campaignName: NAME, outbox, killedWhileSending: new Set(killed.map((each) => each._id.toHexString())) }, report);
  return { report, tally };
}

beforeEach(async () => {
  await CampaignDeliveryModel.deleteMany({});
});

describe('no message sent twice: WeChat\'s outbox judges the campaign\'s deliveries', () => {
  it('a consistent campaign passes, and its tally says how each delivery ended', async () => {
    const sent = await delivery('sent', 'm-1');
    const skipped = await delivery('skipped');
    const failed = await delivery('failed');
    const killedAfterWechat = await delivery('unknown');
    const killedBefore = await delivery('unknown');
    const { report, tally } = await check([message(sent, 'm-1'), message(killedAfterWechat)], [killedAfterWechat, killedBefore]);
    expect(report.violations).toEqual([]);
    expect(skipped.state).toBe('skipped');
    expect(failed.state).toBe('failed');
    expect(tally).toEqual({ deliveries: 5, 'messages in the outbox': 2, sent: 1, skipped: 1, failed: 1, unknown: 2, 'unknown (killed while sending), sent': 1, 'unknown (killed while sending), not sent': 1 });
    expect(report.checked['campaign deliveries']).toBe(5);
  });

  it('a delivery sent twice', async () => {
    const sent = await delivery('sent', 'm-1');
    const { report } = await check([message(sent, 'm-1'), message(sent)]);
    expect(report.violations.map((violation) => violation.detail)).toEqual([`${sent.sentTo} got 2 messages of the campaign`, `${sent.key} (sent): sent 2 times`]);
  });

  it('a message of the campaign that names no delivery of it', async () => {
    const stray = { ...message(await delivery('sent', 'm-1'), 'm-1'), page: 'pages/birthday/index' };
    const { report } = await check([stray]);
    expect(report.violations.map((violation) => violation.detail)).toContain(`message m-1 to ${stray.touser} names no delivery of the campaign`);
  });

  it('deliveries left half way, or recorded otherwise than WeChat saw them', async () => {
    const queued = await delivery('queued');
    const sending = await delivery('sending');
    const sentNothing = await delivery('sent', 'm-9');
    const otherMsgid = await delivery('sent', 'm-2');
    const failedButSent = await delivery('failed');
    const skippedButSent = await delivery('skipped');
    const { report } = await check([message(otherMsgid, 'm-3'), message(failedButSent), message(skippedButSent)]);
    expect(report.violations.map((violation) => violation.detail).sort()).toEqual(
      [
        `${queued.key} (queued): left queued (attempts 0, due ${queued.nextAttemptAt.toISOString()}, lease none until none, errcode none, channel none)`,
        `${sending.key} (sending): left sending (attempts 1, due ${sending.nextAttemptAt.toISOString()}, lease none until none, errcode none, channel none)`,
        `${sentNothing.key} (sent): recorded sent, nothing in WeChat's outbox`,
        `${otherMsgid.key} (sent): msgid m-2, WeChat's is m-3`,
        `${failedButSent.key} (failed): recorded failed, but WeChat sent it`,
        `${skippedButSent.key} (skipped): recorded skipped, but WeChat sent it`,
      ].sort(),
    );
  });

  it('unknown where no kill left the delivery sending and WeChat answered its send', async () => {
    const unknown = await delivery('unknown');
    const { report } = await check([]);
    expect(report.violations.map((violation) => violation.detail)).toEqual([`${unknown.key} (unknown): unknown, but no kill left it sending and WeChat answered its send`]);
  });

  it('unknown is explained by a send WeChat never answered, sent or not', async () => {
    const unanswered = await delivery('unknown');
    const unansweredButSent = await delivery('unknown');
    await CampaignDeliveryModel.updateMany({ _id: { $in: [unanswered._id, unansweredButSent._id] } }, { $set: { unansweredAt: new Date() } });
    const { report, tally } = await check([message(unansweredButSent)]);
    expect(report.violations).toEqual([]);
    expect(tally).toMatchObject({ 'unknown (WeChat gave no answer), not sent': 1, 'unknown (WeChat gave no answer), sent': 1 });
  });
});
