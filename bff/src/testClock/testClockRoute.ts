import type Router from '@koa/router';
import { z } from 'zod';
import { conflict } from '../errors/AppError';
import type { CakedayState } from '../http/context';
import { validateInput } from '../middleware/validate';
import type { TestClock } from './testClock';

const moveRequest = z.object({ now: z.iso.datetime({ offset: true }) }).strict();

/**
 * `GET /__test/clock` tells the BFF's now; `POST /__test/clock {"now": ISO}` moves it forward (409 backwards).
 * Served only when TEST_CLOCK=true (never in production), outside the API's route table and OpenAPI document.
 */
export function registerTestClockRoute(router: Router<CakedayState>, clock: TestClock): void {
  router.get('/__test/clock', (ctx) => {
    ctx.body = { now: clock.now().toISOString() };
  });
  router.post('/__test/clock', (ctx) => {
    const { now } = validateInput(moveRequest, ctx.request.body);
    if (!clock.moveTo(new Date(now))) throw conflict('CONFLICT', 'the test clock only moves forward');
    ctx.body = { now: clock.now().toISOString() };
  });
}
