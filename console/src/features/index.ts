import { analyticsFeature } from './analytics/analytics.feature';
import { auditFeature } from './audit/audit.feature';
import { insightsFeature } from './insights/insights.feature';
import { integrationsFeature } from './integrations/integrations.feature';
import { birthdayPackagesFeature } from './birthdayPackages/birthdayPackages.feature';
import { campaignsFeature } from './campaigns/campaigns.feature';
import { communityTopicsFeature } from './communityTopics/communityTopics.feature';
import { communityWordsFeature } from './communityWords/communityWords.feature';
import { couponTemplatesFeature } from './couponTemplates/couponTemplates.feature';
import type { ConsoleFeature } from './feature';
import { mallItemsFeature } from './mallItems/mallItems.feature';
import { membersFeature } from './members/members.feature';
import { moderationFeature } from './moderation/moderation.feature';
import { operatorsFeature } from './operators/operators.feature';
import { flaggedOrdersFeature, ordersFeature } from './orders/orders.feature';
import { pointsApprovalsFeature } from './pointsApprovals/pointsApprovals.feature';
import { segmentsFeature } from './segments/segments.feature';
import { purchasesFeature } from './purchases/purchases.feature';
import { settingsFeature } from './settings/settings.feature';
import { storesFeature } from './stores/stores.feature';
import { storeStaffFeature } from './storeStaff/storeStaff.feature';
import { writeoffsFeature } from './writeoffs/writeoffs.feature';

/** Every page of the console, in menu order within its section. A new page: a folder here and a line below. */
export const consoleFeatures: readonly ConsoleFeature[] = [
  analyticsFeature,
  insightsFeature,
  membersFeature,
  pointsApprovalsFeature,
  birthdayPackagesFeature,
  campaignsFeature,
  segmentsFeature,
  mallItemsFeature,
  couponTemplatesFeature,
  ordersFeature,
  flaggedOrdersFeature,
  storesFeature,
  storeStaffFeature,
  writeoffsFeature,
  purchasesFeature,
  moderationFeature,
  communityTopicsFeature,
  communityWordsFeature,
  settingsFeature,
  operatorsFeature,
  integrationsFeature,
  auditFeature,
];
