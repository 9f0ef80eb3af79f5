import { createRequire } from 'node:module';
import path from 'node:path';

/** A mini-program the sandbox knows: the BFF's WECHAT_APPID / WECHAT_SECRET must match one of these. */
export interface SandboxApp {
  appid: string;
  secret: string;
}

/** The prefix of a data key declares its type (thing1, phrase2, ...); see templateRules.ts. */
export type TemplateFieldType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase'
  | 'enum';

export interface SandboxTemplate {
  /** Cakeday's name for the template (the BFF's config refers to it by template id). */
  key: string;
  templateId: string;
  title: string;
  /** data key -> what the member sees as its label; the key's prefix is its type. */
  fields: Record<string, string>;
  /** Allowed values of enum-typed keys. */
  enums?: Record<string, string[]>;
}

export const defaultApp: SandboxApp = { appid: 'wx0000000000000000', secret: 'dev-secret' };

/** The one-time subscription templates Cakeday sends. */
export const templates: SandboxTemplate[] = [
  {
    key: 'birthdayReminder',
    templateId: 'sandbox-tmpl-birthday-reminder',
    title: '生日提醒',
    fields: { thing1: '活动名称', date2: '生日日期', thing3: '温馨提示' },
  },
  {
    key: 'benefitExpiring',
    templateId: 'sandbox-tmpl-benefit-expiring',
    title: '权益到期提醒',
    fields: { thing1: '权益名称', time2: '到期时间', thing3: '备注' },
  },
  {
    key: 'orderStatus',
    templateId: 'sandbox-tmpl-order-status',
    title: '订单状态通知',
    fields: { character_string1: '订单号', phrase2: '订单状态', amount3: '订单金额', time4: '更新时间' },
  },
  {
    key: 'helpSucceeded',
    templateId: 'sandbox-tmpl-help-succeeded',
    title: '助力成功通知',
    fields: { thing1: '助力活动', name2: '助力好友', thing3: '温馨提示' },
  },
];

interface AppConfigShape {
  pages?: string[];
  subPackages?: { root: string; pages: string[] }[];
}

// Used when the mini-program's app.config.ts cannot be loaded (e.g. it starts importing Taro modules).
const fallbackPages = ['pages/home/index', 'pages/me/index', 'pages/birthday/index', 'pages/points/index', 'pages/privacy/index'];

/**
 * The mini-program's pages, read from miniapp/src/app.config.ts (what WeChat knows from app.json), so that
 * a page the BFF links to but the app lacks fails with 41030 here as it would in production.
 */
export function loadPages(): string[] {
  const holder = globalThis as { defineAppConfig?: (config: AppConfigShape) => AppConfigShape };
  const hadShim = holder.defineAppConfig !== undefined;
  if (!hadShim) holder.defineAppConfig = (config) => config;
  try {
    // A computed path keeps the mini-program's sources out of the scripts type-check.
    const file = path.resolve(__dirname, '../../miniapp/src/app.config');
    const loaded = createRequire(__filename)(file) as { default?: AppConfigShape };
    const config = loaded.default ?? {};
    const pages = [...(config.pages ?? [])];
    for (const sub of config.subPackages ?? []) pages.push(...sub.pages.map((page) => `${sub.root}/${page}`));
    return pages.length > 0 ? pages : fallbackPages;
  } catch {
    return fallbackPages;
  } finally {
    if (!hadShim) delete holder.defineAppConfig;
  }
}
