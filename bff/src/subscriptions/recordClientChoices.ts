import type { SubscriptionsRecordRequest } from '@cakeday/shared';
import { Types } from 'mongoose';
import type { Config } from '../config/config';
import { SubscriptionReportModel } from './SubscriptionReport.model';
import { templateIdOf } from './subscriptionTemplates';

/** Records the client's account of a popup. The ledger moves only with WeChat's own events (quotaPushHandlers.ts). */
export async function recordClientChoices(memberId: string, input: SubscriptionsRecordRequest, config: Config, now: Date): Promise<void> {
  await SubscriptionReportModel.insertMany(
    input.choices.map((choice) => ({
      memberId: new Types.ObjectId(memberId),
      templateId: templateIdOf(config, choice.template),
      result: choice.result,
      moment: input.moment,
      at: now,
    })),
  );
}
