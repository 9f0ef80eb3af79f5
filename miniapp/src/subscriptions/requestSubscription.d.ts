import type { SubscriptionChoice } from '@cakeday/shared';

/**
 * Platform files: requestSubscription.weapp.ts (wx.requestSubscribeMessage, from the member's tap) and
 * requestSubscription.h5.ts (a stand-in popup whose answer the WeChat sandbox plays, development builds only).
 * Resolves with each template id's answer; at most 3 ids a call.
 */
export declare function requestSubscription(templates: { templateId: string; title: string }[]): Promise<Record<string, SubscriptionChoice>>;
