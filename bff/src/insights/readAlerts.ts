import type { AlertState, OpsInsightsAlertsResponse } from '@cakeday/shared';
import { AlertModel } from './Alert.model';
import { presentAlert } from './presentAlert';

/** How many alerts the console lists at once, newest first (the total says how many there are). */
export const ALERTS_LISTED = 100;

export async function readAlerts(state: AlertState, limit: number): Promise<OpsInsightsAlertsResponse> {
  const [alerts, total] = await Promise.all([AlertModel.find({ state }).sort({ raisedAt: -1, _id: -1 }).limit(limit).lean(), AlertModel.countDocuments({ state })]);
  return { items: alerts.map(presentAlert), total };
}
