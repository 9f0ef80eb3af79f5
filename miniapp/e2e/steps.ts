import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Page } from 'playwright-core';
import { accessibilityProblems } from './accessibility';
import { type WatchedPage } from './browser';

/** Text that looks like an error code (BIRTHDAY_LOCKED) must never reach a member. */
const RAW_CODE = /\b[A-Z]{3,}(?:_[A-Z]+)+\b/;
export const STEP_TIMEOUT_MS = 20_000;

export class JourneyFailure extends Error {}

/**
 * Taro keeps the pages under the top one in the DOM, hidden: a text counts only where it is visible, or a hidden
 * page below could answer for the page on top.
 */
export async function expectText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).filter({ visible: true }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/**
 * Taps where the text is, as a finger would: NutUI's buttons and cells take the pointer events of their
 * content, so the tap lands on whichever element is on top there and bubbles from it.
 */
export async function tapText(page: Page, text: string | RegExp): Promise<void> {
  const target = page.getByText(text, { exact: typeof text === 'string' }).filter({ visible: true }).first();
  await target.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await target.scrollIntoViewIfNeeded();
  // Wait until nothing else (a closing popup's mask) lies on top of it: the hit is the text, inside it, or its button.
  await target.evaluate(async (element, timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rect = element.getBoundingClientRect();
      const hit = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
      if (hit && (element.contains(hit) || hit.contains(element))) return;
      if (Date.now() > deadline) throw new Error('something else covers it');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, STEP_TIMEOUT_MS);
  const box = await target.boundingBox();
  if (!box) throw new JourneyFailure(`"${String(text)}" has no box to tap`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

export type Step = (name: string, action: () => Promise<void>) => Promise<void>;

/**
 * Waits until the page has stopped moving: no animation or transition running (a popup opening, a toast), and a
 * frame painted after that, so the screenshot shows what the step checked. Bounded: an artifact must not fail a
 * step that passed.
 */
async function settled(page: WatchedPage['page']): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Runs named steps on one watched page: a screenshot after each (`<journey>-<nn>-<name>.png`), and a step
 * fails when it throws, when the page shows a raw error code, or when the browser reported a problem.
 */
export function stepsFor({ page, problems }: WatchedPage, journey: string, screenshots: string, done: string[]): Step {
  mkdirSync(screenshots, { recursive: true });
  let stepNumber = 0;
  const checkedRoutes = new Set<string>();
  return async (name, action) => {
    stepNumber += 1;
    const label = `${journey}-${String(stepNumber).padStart(2, '0')}-${name}`;
    try {
      await action();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new JourneyFailure(`${label}: ${reason}${problems.length > 0 ? `\n  browser problems:\n  ${problems.join('\n  ')}` : ''}`);
    } finally {
      await settled(page);
      await page.screenshot({ path: path.join(screenshots, `${label}.png`), fullPage: true });
    }
    const body = await page.locator('body').innerText();
    const leaked = RAW_CODE.exec(body);
    if (leaked) throw new JourneyFailure(`${label}: the page shows a raw error code: ${leaked[0]}`);
    if (problems.length > 0) throw new JourneyFailure(`${label}: console errors:\n  ${problems.join('\n  ')}`);
    // Every page a journey visits is checked with axe-core; its serious and critical violations fail the step.
    // E2E_AXE=report only prints them (while working on a page; CI keeps the default).
    const route = new URL(page.url()).hash.split('?')[0] ?? '';
    if (!checkedRoutes.has(route)) {
      checkedRoutes.add(route);
      const inaccessible = await accessibilityProblems(page);
      const report = `${label}: accessibility (axe-core) on ${route}:\n  ${inaccessible.join('\n  ')}`;
      if (inaccessible.length > 0 && process.env.E2E_AXE !== 'report') throw new JourneyFailure(report);
      if (inaccessible.length > 0) console.log(`e2e: ⚠ ${report}`);
    }
    done.push(label);
    console.log(`e2e: ✓ ${label}`);
  };
}
