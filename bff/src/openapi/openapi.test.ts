import { COUPON_BLOCKER_CODES, errorStatus, routes, type ErrorCode } from '@cakeday/shared';
import { AppError, conflict, notFound } from '../errors/AppError';
import { buildTestApp } from '../test/app';
import { contractViolation } from '../test/routeContract';
import { buildOpenApiDocument } from './openapi';

interface Operation {
  requestBody: { required?: boolean };
  responses: Record<string, { content?: { 'application/json': { schema: { properties: { error: { properties: { code: { enum: string[] } } } } } } } }>;
}

const document = buildOpenApiDocument() as { paths: Record<string, { post: Operation }> };
const operation = (route: string): Operation => document.paths[`/api/${route}`]!.post;
const documentedCodes = (route: string, status: number): string[] =>
  operation(route).responses[String(status)]?.content?.['application/json'].schema.properties.error.properties.code.enum ?? [];

describe('the OpenAPI document', () => {
  it('is what /openapi.json serves', async () => {
    expect((await buildTestApp().http.get('/openapi.json')).body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('marks every request body as required', () => {
    for (const name of Object.keys(routes)) expect([name, operation(name).requestBody.required]).toEqual([name, true]);
  });

  it('lists each route\'s errors under the status they are answered with', () => {
    for (const name of Object.keys(routes)) {
      for (const [status, response] of Object.entries(operation(name).responses)) {
        if (status === '200') continue;
        const codes = response.content?.['application/json'].schema.properties.error.properties.code.enum ?? [];
        expect(codes.length).toBeGreaterThan(0);
        for (const code of codes) expect([name, code, errorStatus[code as ErrorCode]]).toEqual([name, code, Number(status)]);
      }
    }
    expect(documentedCodes('wishlist.gift', 422)).toEqual(['GIFT_RECIPIENT_INVALID']);
    expect(documentedCodes('wishlist.add', 422)).toEqual(['WISH_ITEM_UNAVAILABLE', 'WISH_CONTENT_REJECTED']);
    expect(documentedCodes('wishlist.update', 422)).toEqual(['WISH_TEXT_NOT_EDITABLE', 'WISH_CONTENT_REJECTED']);
    // The staff's scan refuses a coupon by its conditions too (couponBlocker), each under its own code.
    expect(documentedCodes('writeoff.redeem', 422)).toEqual(['WRITEOFF_TOKEN_INVALID', 'WRITEOFF_TOKEN_EXPIRED', ...COUPON_BLOCKER_CODES.filter((code) => errorStatus[code] === 422)]);
    expect(documentedCodes('mall.redeem', 409)).toEqual(expect.arrayContaining(['MALL_SOLD_OUT', 'POINTS_INSUFFICIENT']));
    expect(documentedCodes('mall.redeem', 401)).toEqual(['UNAUTHENTICATED', 'SESSION_EXPIRED']);
    expect(documentedCodes('mall.list', 401)).toEqual([]); // public
    expect(documentedCodes('auth.login', 429)).toEqual(['RATE_LIMITED', 'WECHAT_RATE_LIMITED']);
    expect(documentedCodes('system.ping', 400)).toEqual(['VALIDATION_FAILED']);
    expect(documentedCodes('system.ping', 415)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
  });
});

describe('the contract check every HTTP test runs', () => {
  it('flags a code the route does not declare and a status other than the code\'s own', () => {
    expect(contractViolation('wishlist.add', conflict('WISHLIST_FULL'))).toBeNull();
    expect(contractViolation('wishlist.add', notFound())).toMatch(/wishlist.add answered NOT_FOUND, which .* does not list/);
    expect(contractViolation('wishlist.add', new AppError(400, 'WISH_ITEM_UNAVAILABLE'))).toMatch(/with 400; .* says 422/);
    expect(contractViolation('wishlist.add', new Error('database down'))).toBeNull();
  });
});
