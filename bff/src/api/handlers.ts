import { authHandlers } from '../auth/handlers';
import { consentsHandlers } from '../consents/handlers';
import type { RouteHandlers } from '../http/routeHandler';
import { membersHandlers } from '../members/handlers';
import { pointsHandlers } from '../points/handlers';
import { mallHandlers } from '../mall/handlers';
import { ordersHandlers } from '../orders/handlers';
import { couponsHandlers } from '../coupons/handlers';
import { writeoffHandlers } from '../writeoff/handlers';
import { systemHandlers } from '../system/handlers';
import { birthdayHandlers } from '../birthday/handlers';
import { wishlistHandlers } from '../wishlist/handlers';
import { helpHandlers } from '../help/handlers';
import { referralHandlers } from '../referral/handlers';
import { operatorsHandlers } from '../operators/handlers';
import { auditHandlers } from '../audit/handlers';
import { settingsHandlers } from '../settings/handlers';
import { eventsHandlers } from '../events/handlers';
import { membersOpsHandlers } from '../members/ops/handlers';
import { pointsOpsHandlers } from '../points/adjustments/handlers';
import { mallItemsOpsHandlers } from '../mall/opsHandlers';
import { couponTemplatesOpsHandlers } from '../coupons/opsHandlers';
import { birthdayPackagesOpsHandlers } from '../birthday/opsHandlers';
import { storesHandlers } from '../stores/handlers';
import { ordersOpsHandlers } from '../orders/opsHandlers';
import { writeoffsOpsHandlers } from '../writeoff/opsHandlers';
import { memberCodeHandlers } from '../memberCode/handlers';
import { posHandlers } from '../pos/handlers';
import { purchasesHandlers } from '../purchases/handlers';
import { integrationsOpsHandlers } from '../integrations/opsHandlers';
import { analyticsHandlers } from '../analytics/handlers';
import { insightsHandlers } from '../insights/handlers';
import { satisfactionHandlers } from '../satisfaction/handlers';
import { satisfactionOpsHandlers } from '../satisfaction/ops/opsHandlers';
import { subscriptionsHandlers } from '../subscriptions/handlers';
import { campaignsOpsHandlers } from '../campaigns/opsHandlers';
import { segmentsHandlers } from '../segments/handlers';
import { messagesHandlers } from '../messages/handlers';
import { communityHandlers } from '../community/handlers';
import { communityOpsHandlers } from '../community/ops/opsHandlers';

/** Every route of shared/'s table meets its handler here. */
export const handlers: RouteHandlers = {
  ...systemHandlers,
  ...authHandlers,
  ...membersHandlers,
  ...consentsHandlers,
  ...birthdayHandlers,
  ...wishlistHandlers,
  ...helpHandlers,
  ...referralHandlers,
  ...eventsHandlers,
  ...subscriptionsHandlers,
  ...messagesHandlers,
  ...pointsHandlers,
  ...mallHandlers,
  ...ordersHandlers,
  ...couponsHandlers,
  ...writeoffHandlers,
  ...operatorsHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...membersOpsHandlers,
  ...pointsOpsHandlers,
  ...mallItemsOpsHandlers,
  ...couponTemplatesOpsHandlers,
  ...birthdayPackagesOpsHandlers,
  ...storesHandlers,
  ...ordersOpsHandlers,
  ...writeoffsOpsHandlers,
  ...memberCodeHandlers,
  ...posHandlers,
  ...purchasesHandlers,
  ...integrationsOpsHandlers,
  ...analyticsHandlers,
  ...insightsHandlers,
  ...satisfactionHandlers,
  ...satisfactionOpsHandlers,
  ...campaignsOpsHandlers,
  ...segmentsHandlers,
  ...communityHandlers,
  ...communityOpsHandlers,
};
