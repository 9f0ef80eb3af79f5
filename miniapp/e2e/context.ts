import type { Browser } from 'playwright-core';

/** What every journey gets: the browser (a new context per person) and the addresses of the running stack. */
export interface E2eContext {
  browser: Browser;
  appUrl: string;
  apiBase: string;
  /** The ops console as this stack's BFF serves it (built for the journeys that need it). */
  consoleUrl: string;
  sandboxUrl: string;
  screenshots: string;
}
