import { type Page } from 'playwright-core';
import { type WatchedPage } from '../../miniapp/e2e/browser';
import { expectText, STEP_TIMEOUT_MS, stepsFor, type Step } from '../../miniapp/e2e/steps';

export interface ConsoleE2e {
  /** A fresh desktop browser context: one per operator. */
  openPage(): Promise<WatchedPage>;
  /** The console as the BFF serves it: http://127.0.0.1:<port>/console/ */
  consoleUrl: string;
  screenshots: string;
}

/** One operator at their own desk: a browser context of their own, their steps named `console-<who>-nn-…`. */
export interface ConsoleOperator {
  page: Page;
  watched: WatchedPage;
  step: Step;
  open(route: string): Promise<void>;
  login(loginName: string, password: string): Promise<void>;
  openMenu(entry: string): Promise<void>;
  /**
   * An HTTP refusal the journey causes on purpose (a stale edit, a session ended elsewhere): Chromium logs every 4xx
   * answer as a console error, but this one is the page working as designed.
   */
  forgiveExpected(status: 401 | 409): void;
  /**
   * Chromium reports a fetch read through `body.getReader()` to the end as aborted now and then, though the page had
   * every byte (microsoft/playwright#42742): forgiven only for this route, and only after its file was checked.
   */
  forgiveStreamedReadReportedAborted(route: string): void;
}

export async function openConsoleOperator(e2e: ConsoleE2e, who: string, done: string[]): Promise<ConsoleOperator> {
  const watched = await e2e.openPage();
  const { page } = watched;
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return {
    page,
    watched,
    step: stepsFor(watched, `console-${who}`, e2e.screenshots, done),
    open: async (route) => {
      await page.goto(new URL(route.replace(/^\//, ''), e2e.consoleUrl).toString());
    },
    login: async (loginName, password) => {
      await page.getByLabel('用户名').fill(loginName);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
    },
    openMenu: async (entry) => {
      // The entry's accessible name is its icon's label and its title ("user 会员"); 会员 must not match 会员规则设置.
      await page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${entry}$`) }).click();
      await expectText(page, entry);
    },
    forgiveExpected: (status) => forgive(watched, (problem) => problem.includes(`the server responded with a status of ${status}`)),
    forgiveStreamedReadReportedAborted: (route) =>
      forgive(watched, (problem) => problem.startsWith('request failed: ') && problem.endsWith(`/api/${route} net::ERR_ABORTED`)),
  };
}

function forgive(watched: WatchedPage, expected: (problem: string) => boolean): void {
  const kept = watched.problems.filter((problem) => !expected(problem));
  watched.problems.splice(0, watched.problems.length, ...kept);
}
