import { businessInstant } from '@cakeday/shared';
import { buildTestApp, type TestApp } from '../test/app';
import { creditTestAccepts, grantMarketingConsent } from '../test/campaignFactories';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { useWechatSandbox } from '../test/wechatSandbox';
import { CampaignModel } from '../campaigns/Campaign.model';
import { ensureCampaignPresets } from '../campaigns/campaignPresets';
import { dispatchDeliveries } from '../campaigns/dispatchDeliveries';
import { runCampaigns } from '../campaigns/runCampaigns';
import { CampaignDeliveryModel } from '../campaigns/CampaignDelivery.model';
import { DailyCounterModel } from '../db/DailyCounter.model';
import { MemberModel } from '../members/Member.model';
import { SubscriptionQuotaModel } from '../subscriptions/SubscriptionQuota.model';
import { InboxMessageModel } from './InboxMessage.model';

useTestDatabase();
const sandbox = useWechatSandbox();

const clock = { now: businessInstant('2027-06-01T10:00:00') };
let app: TestApp;
let opsCookie = '';

beforeAll(() => {
  app = buildTestApp({ config: sandbox.config(), now: () => clock.now });
});

/** A member with a birthday on 15 June who accepted 生日提醒 twice, and the running birthday preset. */
async function birthdayCampaignSentT7(): Promise<{ campaignId: string; deliveryId: string; auth: string }> {
  await sandbox.control().reset();
  await Promise.all([MemberModel, CampaignModel, CampaignDeliveryModel, InboxMessageModel, SubscriptionQuotaModel, DailyCounterModel].map((model) => (model as typeof MemberModel).deleteMany({})));
  clock.now = businessInstant('2027-06-01T10:00:00');
  const [preset] = await ensureCampaignPresets(clock.now);
  await CampaignModel.updateOne({ _id: preset?._id }, { $set: { state: 'running' } });
  const { openid } = await sandbox.control().subscribe({ user: 'opener' }, 'birthdayReminder', 'accept', 2);
  const member = await buildMember({ openid, birthday: { month: 6, day: 15, year: null } });
  await creditTestAccepts(member, 'sandbox-tmpl-birthday-reminder', 2);
  await grantMarketingConsent([member]);
  clock.now = businessInstant('2027-06-08T10:00:00');
  await runCampaigns(app.deps);
  while ((await dispatchDeliveries(app.deps, { workerId: 'opened-test' })).claimed > 0);
  const [sent] = await sandbox.control().outbox(openid);
  const deliveryId = /\?delivery=([0-9a-f]{24})$/.exec(sent?.page ?? '')?.[1] ?? '';
  opsCookie = await opsCookieFor(app.http, await buildOperator({ roles: ['analyst'] }));
  return { campaignId: String(preset?._id), deliveryId, auth: await sessionFor(member, { now: clock.now }) };
}

const report = async (id: string) => (await app.http.post('/api/ops.campaigns.report').set('Cookie', opsCookie).send({ id })).body;

describe('messages.opened: the landing page reports its delivery', () => {
  it('counts the open once in the campaign report however often the page is opened, and reads the 消息中心 copy', async () => {
    const { campaignId, deliveryId, auth } = await birthdayCampaignSentT7();
    expect(deliveryId).toMatch(/^[0-9a-f]{24}$/);
    expect(await report(campaignId)).toMatchObject({ byState: { sent: 1 }, opened: 0 });

    for (let open = 0; open < 3; open += 1) {
      const opened = await app.http.post('/api/messages.opened').set('Authorization', auth).send({ delivery: deliveryId });
      expect(opened.status).toBe(200);
      expect(opened.body).toEqual({ ok: true });
    }

    expect(await report(campaignId)).toMatchObject({ byState: { sent: 1 }, opened: 1 });
    expect((await app.http.post('/api/messages.list').set('Authorization', auth).send({})).body.unreadCount).toBe(0);
  });

  it('someone else’s delivery id, an unknown one or none at all opens nothing', async () => {
    const { campaignId, deliveryId } = await birthdayCampaignSentT7();
    const stranger = await sessionFor(await buildMember(), { now: clock.now });

    expect((await app.http.post('/api/messages.opened').set('Authorization', stranger).send({ delivery: deliveryId })).status).toBe(200);
    expect((await app.http.post('/api/messages.opened').set('Authorization', stranger).send({ delivery: 'f'.repeat(24) })).status).toBe(200);
    expect((await app.http.post('/api/messages.opened').send({ delivery: deliveryId })).status).toBe(401);
    expect((await app.http.post('/api/messages.opened').set('Authorization', stranger).send({ delivery: 'not-an-id' })).status).toBe(400);

    expect(await report(campaignId)).toMatchObject({ opened: 0 });
  });
});
