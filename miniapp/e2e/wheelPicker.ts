import { type Locator, type Page } from 'playwright-core';
import { JourneyFailure } from './steps';

/** NutUI's wheel rows (--nutui-picker-item-height); read from the page when it differs. */
const DEFAULT_ROW_PX = 36;
/** Rows per drag: a finger's swipe that stays inside the wheel. */
const MAX_ROWS_PER_DRAG = 4;
/** Slower than NutUI's 300 ms inertia window, so that the wheel stops where the finger leaves it. */
const DRAG_STEPS = 12;
const DRAG_STEP_MS = 40;
/** A few pixels past the row, so that the wheel always snaps (and reports the row it snapped to). */
const SNAP_NUDGE_PX = 6;

async function activeNumber(column: Locator): Promise<number> {
  const label = await column.locator('.nut-pickerview-roller-item-active').first().innerText();
  const value = Number.parseInt(label, 10);
  if (!Number.isInteger(value)) throw new JourneyFailure(`the picker shows no number: ${label}`);
  return value;
}

async function rowHeight(column: Locator): Promise<number> {
  const height = await column.locator('.nut-pickerview-roller-item-active').first().evaluate((row) => row.getBoundingClientRect().height);
  return height > 0 ? height : DEFAULT_ROW_PX;
}

/** One finger swipe on the wheel, as a phone's touch events (the wheel listens to touches only). */
async function swipe(page: Page, column: Locator, rows: number): Promise<void> {
  const box = await column.boundingBox();
  if (!box) throw new JourneyFailure('the picker wheel is not on screen');
  const distance = rows * (await rowHeight(column)) + Math.sign(rows) * SNAP_NUDGE_PX;
  const x = box.x + box.width / 2;
  // Moving forward drags the finger up, so start low; backward starts high.
  const startY = rows > 0 ? box.y + box.height - 8 : box.y + 8;
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: startY }] });
    for (let step = 1; step <= DRAG_STEPS; step += 1) {
      await page.waitForTimeout(DRAG_STEP_MS);
      await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: startY - (distance * step) / DRAG_STEPS }] });
    }
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await session.detach();
  }
  await page.waitForTimeout(500);
}

/** Turns one wheel of the open picker (0 = first column) until it shows `target`. */
export async function turnWheelTo(page: Page, columnIndex: number, target: number): Promise<void> {
  const column = page.locator('.nut-pickerview-list').nth(columnIndex);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const rows = target - (await activeNumber(column));
    if (rows === 0) return;
    await swipe(page, column, Math.max(-MAX_ROWS_PER_DRAG, Math.min(MAX_ROWS_PER_DRAG, rows)));
  }
  throw new JourneyFailure(`the picker wheel ${columnIndex} did not reach ${target}`);
}
