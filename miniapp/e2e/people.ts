import { randomBytes } from 'node:crypto';
import { type Page } from 'playwright-core';
import { openWatchedPage, type WatchedPage } from './browser';
import { type E2eContext } from './context';
import { JourneyFailure, STEP_TIMEOUT_MS, stepsFor, tapText, type Step } from './steps';

/** Where Taro's H5 setClipboardData also keeps what it copied (as Taro storage: `{"data": …}`). */
const TARO_CLIPBOARD_KEY = 'taro_clipboard';

/** One person on their own phone: a browser context of their own, a sandbox WeChat user of their own. */
export interface Person {
  name: string;
  watched: WatchedPage;
  page: Page;
  step: Step;
  /** Opens a route of the app (or a shared link's route) as this person. */
  open(route: string): Promise<void>;
  leave(): Promise<void>;
}

export async function newPerson(context: E2eContext, role: string, done: string[], journey = 'birthday'): Promise<Person> {
  // A fresh sandbox user every run: a new WeChat user, so a new member.
  const name = `${journey === 'birthday' ? 'bday' : journey}-${role}-${randomBytes(3).toString('hex')}`;
  const watched = await openWatchedPage(context.browser);
  const { page } = watched;
  const step = stepsFor(watched, journey, context.screenshots, done);
  return {
    name,
    watched,
    page,
    step: (label, action) => step(`${role}-${label}`, action),
    open: async (route) => {
      // A fresh load: going to another hash of the same page would only be a hash change.
      await page.goto('about:blank');
      await page.goto(`${context.appUrl}/?as=${encodeURIComponent(name)}#${route}`);
    },
    leave: () => page.context().close(),
  };
}

/** Taps a ShareButton (H5 copies the link) and returns the link the member would paste to a friend. */
export async function copyShareLink(page: Page, buttonText: string, landingPage: string): Promise<string> {
  await page.evaluate((key) => window.localStorage.removeItem(key), TARO_CLIPBOARD_KEY);
  await tapText(page, buttonText);
  const handle = await page.waitForFunction(
    ({ key, landing }) => {
      const raw = window.localStorage.getItem(key) ?? '';
      let copied = raw;
      try {
        const stored: unknown = JSON.parse(raw);
        if (typeof stored === 'object' && stored !== null && 'data' in stored) copied = String(stored.data);
      } catch {
        // not Taro's JSON: the plain text itself
      }
      return copied.includes(landing) && copied.includes('sid=') ? copied : null;
    },
    { key: TARO_CLIPBOARD_KEY, landing: landingPage },
    { timeout: STEP_TIMEOUT_MS },
  );
  const link = await handle.jsonValue();
  if (typeof link !== 'string') throw new JourneyFailure('no share link was copied');
  return link;
}

/** The route part of a copied link (`/pages/…?sid=…&ref=…`), to open it as another person. */
export function routeOf(link: string): string {
  const hash = new URL(link).hash;
  if (!hash.startsWith('#/')) throw new JourneyFailure(`the share link has no page route: ${link}`);
  return hash.slice(1);
}
