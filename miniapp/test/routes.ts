import { taroStandIn, type StandInRequest, type StandInResponse } from './taroStandIn';

export type RouteAnswer = StandInResponse | ((request: StandInRequest) => StandInResponse);

export const ok = (data: unknown): StandInResponse => ({ statusCode: 200, data });
export const refusal = (statusCode: number, code: string): StandInResponse => ({ statusCode, data: { error: { code, message: 'server text' } } });

/** The route name of a BFF call (`mall.redeem`), or the sandbox control path (`sandbox:/pay/prepays/x/pay`). */
export function routeOf(request: StandInRequest): string {
  const sandbox = request.url.split('/__sandbox')[1];
  if (sandbox !== undefined) return `sandbox:${sandbox}`;
  return request.url.split('/api/')[1] ?? request.url;
}

/**
 * Answers each route from the table: one answer for every call, or a list answered in turn (the last one
 * repeats). Anything else is a 404, so an unexpected call shows up in the test.
 */
export function answerRoutes(table: Record<string, RouteAnswer | RouteAnswer[]>): void {
  const queues = new Map(Object.entries(table).map(([route, answer]) => [route, Array.isArray(answer) ? [...answer] : [answer]]));
  taroStandIn.respond = (request) => {
    const queue = queues.get(routeOf(request));
    if (!queue || queue.length === 0) return refusal(404, 'ROUTE_NOT_FOUND');
    const answer = (queue.length > 1 ? queue.shift() : queue[0]) as RouteAnswer;
    return typeof answer === 'function' ? answer(request) : answer;
  };
}

export function callsTo(route: string): StandInRequest[] {
  return taroStandIn.requests.filter((request) => routeOf(request) === route);
}

/** The token the H5 QR panel shows in its field (what staff paste), once the field has drawn. */
export function shownToken(): string | null {
  const input = document.querySelector('.qr-panel__token input') as HTMLInputElement | null;
  return input ? input.value : null;
}

/** What the H5 subscription stand-in asked the sandbox to play: each template id with the person's answer. */
export function popupAnswers(): { template: string; result: string }[] {
  return callsTo('sandbox:/subscription-popups').flatMap((request) => (request.data as { choices: { template: string; result: string }[] }).choices);
}
