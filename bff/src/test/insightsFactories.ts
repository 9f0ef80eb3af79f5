import { DailyRollupModel } from '../analytics/DailyRollup.model';
import { EventModel } from '../events/Event.model';
import { AlertModel } from '../insights/Alert.model';
import { AlertNoticeModel } from '../insights/AlertNotice.model';
import { InsightsDayModel } from '../insights/InsightsDay.model';

/** The campaign whose failures the crafted window alerts on. */
export const ALERT_WINDOW_CAMPAIGN = '65f0000000000000000000c1';
/** The alerts the crafted window raises when judged on 2026-11-29 (Shanghai): the 7 days ending 2026-11-28. */
export const ALERT_WINDOW_KEYS = [`campaignFailure:${ALERT_WINDOW_CAMPAIGN}:2026-11-28`, 'channelReach:sms:2026-11-28', 'kpi:birthdayParticipation:2026-11-28'];

/**
 * A crafted alert window, judged on 2026-11-29: 100 members reached by the birthday message, 10 claimed (10% < 25%);
 * WeChat sent 900 of 900, SMS 60 of 100 (40 failed: 60% < 70%; all channels 96%, above the KPI's 70%); the campaign
 * failed 40 of 100 (40% > 5%); NPS 20 answers (under the sample). A day after the window (today) would alert on its
 * own and must not count. Clears the alerts, their notices and the event outbox first.
 */
export async function craftAlertWindow(): Promise<void> {
  await Promise.all([DailyRollupModel.deleteMany({}), InsightsDayModel.deleteMany({}), AlertModel.deleteMany({}), AlertNoticeModel.deleteMany({}), EventModel.deleteMany({})]);
  await DailyRollupModel.create([
    { _id: '2026-11-22', funnels: { birthday: { reach: 60, open: 0, claim: 6, use: 6 } }, applied: [] },
    { _id: '2026-11-28', funnels: { birthday: { reach: 40, open: 0, claim: 4, use: 4 } }, applied: [] },
    { _id: '2026-11-29', funnels: { birthday: { reach: 10_000, open: 0, claim: 0, use: 0 } }, applied: [] },
  ]);
  await InsightsDayModel.create([
    {
      _id: '2026-11-27',
      counts: {
        nps: { promoter: 2, detractor: 18 },
        messagesSent: { wechat: 900, sms: 60 },
        messagesFailed: { errcode_43101: 40 },
        failedByChannel: { sms: 40 },
        campaignSent: { [ALERT_WINDOW_CAMPAIGN]: 60 },
        campaignFailed: { [ALERT_WINDOW_CAMPAIGN]: 40 },
      },
      applied: [],
    },
  ]);
}
