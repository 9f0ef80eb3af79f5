import type { RouteName } from '@cakeday/shared';

/**
 * Routes that answer without a session (a friend's landing pages, the mall's shop window, logging in).
 * Kept here rather than read from the route table so that the table's zod schemas stay out of the bundle;
 * publicRoutes.test.ts holds the two together.
 */
export const PUBLIC_ROUTES: ReadonlySet<RouteName> = new Set<RouteName>([
  'system.ping',
  'auth.login',
  'mall.list',
  'mall.item',
  'help.get',
  'wishlist.view',
  'community.feed',
  'community.topics',
  'community.post',
  'community.comments',
  'settings.rules',
  'stores.list',
  'referral.invite',
  'events.track',
]);
