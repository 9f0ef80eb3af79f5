import type { z } from 'zod';
import { authRoutes } from '../auth/auth.routes.js';
import { consentsRoutes } from '../consents/consents.routes.js';
import { membersRoutes } from '../members/members.routes.js';
import { membersOpsRoutes } from '../members/members.ops.routes.js';
import { pointsRoutes } from '../points/points.routes.js';
import { pointsOpsRoutes } from '../points/points.ops.routes.js';
import { mallRoutes } from '../mall/mall.routes.js';
import { ordersRoutes } from '../orders/orders.routes.js';
import { couponsRoutes } from '../coupons/coupons.routes.js';
import { writeoffRoutes } from '../writeoff/writeoff.routes.js';
import { systemRoutes } from '../system/system.routes.js';
import { birthdayRoutes } from '../birthday/birthday.routes.js';
import { wishlistRoutes } from '../wishlist/wishlist.routes.js';
import { helpRoutes } from '../help/help.routes.js';
import { referralRoutes } from '../referral/referral.routes.js';
import { operatorSessionRoutes, operatorsRoutes } from '../operators/operators.routes.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { settingsRoutes } from '../settings/settings.routes.js';
import { eventsRoutes } from '../events/events.routes.js';
import { mallItemsOpsRoutes } from '../mall/mall.ops.routes.js';
import { couponTemplatesOpsRoutes } from '../coupons/coupons.ops.routes.js';
import { birthdayPackagesOpsRoutes } from '../birthday/birthday.ops.routes.js';
import { storesRoutes } from '../stores/stores.routes.js';
import { ordersOpsRoutes } from '../orders/orders.ops.routes.js';
import { writeoffsOpsRoutes } from '../writeoff/writeoff.ops.routes.js';
import { memberCodeRoutes } from '../memberCode/memberCode.routes.js';
import { integrationsOpsRoutes } from '../integrations/integrations.routes.js';
import { posRoutes } from '../pos/pos.routes.js';
import { purchasesOpsRoutes, purchasesRoutes } from '../purchases/purchases.routes.js';
import { analyticsRoutes } from '../analytics/analytics.routes.js';
import { subscriptionsRoutes } from '../subscriptions/subscriptions.routes.js';
import { campaignsOpsRoutes } from '../campaigns/campaigns.routes.js';
import { segmentsRoutes } from '../segments/segments.routes.js';
import { messagesRoutes } from '../messages/messages.routes.js';
import { communityRoutes } from '../community/community.routes.js';
import { communityOpsRoutes } from '../community/community.ops.routes.js';
import { insightsRoutes } from '../insights/insights.routes.js';
import { satisfactionRoutes } from '../satisfaction/satisfaction.routes.js';

/**
 * The route table: every API route the BFF serves and the mini-program and the ops console call.
 * Each feature defines its routes in `<feature>/<feature>.routes.ts`; they meet here.
 */
export const routes = {
  ...systemRoutes,
  ...authRoutes,
  ...membersRoutes,
  ...consentsRoutes,
  ...birthdayRoutes,
  ...wishlistRoutes,
  ...helpRoutes,
  ...referralRoutes,
  ...eventsRoutes,
  ...subscriptionsRoutes,
  ...messagesRoutes,
  ...pointsRoutes,
  ...mallRoutes,
  ...ordersRoutes,
  ...couponsRoutes,
  ...writeoffRoutes,
  ...memberCodeRoutes,
  ...purchasesRoutes,
  // the integration API (tills and the online shop; signed requests)
  ...posRoutes,
  ...communityRoutes,
  ...satisfactionRoutes,
  // the ops console (operators' session cookie; each route names its permission)
  ...operatorSessionRoutes,
  ...operatorsRoutes,
  ...auditRoutes,
  ...settingsRoutes,
  ...membersOpsRoutes,
  ...pointsOpsRoutes,
  // the ops console: catalog, orders, write-offs
  ...mallItemsOpsRoutes,
  ...couponTemplatesOpsRoutes,
  ...birthdayPackagesOpsRoutes,
  ...storesRoutes,
  ...ordersOpsRoutes,
  ...writeoffsOpsRoutes,
  ...integrationsOpsRoutes,
  ...purchasesOpsRoutes,
  // the ops console: dashboards
  ...analyticsRoutes,
  // the ops console: campaigns and subscription messages
  ...campaignsOpsRoutes,
  // the ops console: member segments (campaign audiences)
  ...segmentsRoutes,
  // the ops console: community moderation
  ...communityOpsRoutes,
  // the ops console: finance, satisfaction, KPIs and alerts
  ...insightsRoutes,
};

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<N extends RouteName> = z.input<Routes[N]['request']>;
export type RouteRequest<N extends RouteName> = z.output<Routes[N]['request']>;
export type RouteResponse<N extends RouteName> = z.output<Routes[N]['response']>;
