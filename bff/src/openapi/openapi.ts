import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { errorMessages, errorStatus, INTEGRATION_HEADERS, INTEGRATION_WINDOW_SECONDS, routeErrorCodes, routes, type ErrorCode, type RouteAuth, type RouteDefinition, type RouteName } from '@cakeday/shared';
import { z } from 'zod';

function errorSchema(codes: readonly ErrorCode[]) {
  return z.object({
    error: z.object({
      code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      requestId: z.string().optional(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  });
}

/** The route's error answers, one per status, each naming its codes and what the member reads. */
function errorResponses(name: RouteName): Record<number, object> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of routeErrorCodes(name)) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      status,
      {
        description: codes.map((code) => `${code}: ${errorMessages[code]}`).join('；'),
        content: { 'application/json': { schema: errorSchema(codes) } },
      },
    ]),
  );
}

/** An integration route needs all four headers of a signed request (one requirement naming the four schemes). */
const INTEGRATION_SCHEMES: [string, string, string][] = [
  ['integrationKey', INTEGRATION_HEADERS.keyId, '接入密钥 ID（ck_…），由管理员在运营后台创建'],
  ['integrationTimestamp', INTEGRATION_HEADERS.timestamp, `Unix 秒；与服务器时间相差超过 ${INTEGRATION_WINDOW_SECONDS / 60} 分钟即拒绝（INTEGRATION_TIMESTAMP_OUT_OF_WINDOW）`],
  ['integrationNonce', INTEGRATION_HEADERS.nonce, '16–64 位 [A-Za-z0-9_-] 随机串，同一密钥不得重复使用（INTEGRATION_NONCE_REUSED）'],
  [
    'integrationSignature',
    INTEGRATION_HEADERS.signature,
    '小写十六进制 HMAC-SHA256(密钥, 签名串)，签名串 = METHOD + "\\n" + 路径（/api/<路由名>） + "\\n" + 时间戳 + "\\n" + 随机串 + "\\n" + hex(SHA-256(原始请求体))',
  ],
];

function securityOf(auth: RouteAuth): Record<string, string[]>[] {
  if (auth === 'public') return [];
  if (auth === 'ops') return [{ opsSession: [] }];
  if (auth === 'integration') return [Object.fromEntries(INTEGRATION_SCHEMES.map(([scheme]) => [scheme, []]))];
  return [{ session: [] }];
}

/** The OpenAPI 3.1 document, generated from the route table and its declared errors in shared/. */
export function buildOpenApiDocument(): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  registry.registerComponent('securitySchemes', 'opsSession', { type: 'apiKey', in: 'cookie', name: 'cakeday_ops' });
  for (const [scheme, header, description] of INTEGRATION_SCHEMES) {
    registry.registerComponent('securitySchemes', scheme, { type: 'apiKey', in: 'header', name: header, description });
  }
  for (const [name, definition] of Object.entries(routes) as [RouteName, RouteDefinition][]) {
    registry.registerPath({
      method: 'post',
      path: definition.path,
      operationId: name,
      summary: definition.summary,
      tags: [name.split('.')[0] ?? name],
      security: securityOf(definition.auth),
      'x-cakeday-auth': definition.auth,
      ...(definition.permission ? { 'x-cakeday-permission': definition.permission } : {}),
      request: { body: { required: true, content: { 'application/json': { schema: definition.request } } } },
      responses: {
        200:
          definition.stream === 'csv'
            ? { description: 'CSV（流式）', content: { 'text/csv': { schema: { type: 'string' } } } }
            : { description: 'OK', content: { 'application/json': { schema: definition.response } } },
        ...errorResponses(name),
      },
    } as Parameters<OpenAPIRegistry['registerPath']>[0]);
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Cakeday BFF', version: '0.1.0', description: 'Cakeday 会员与生日运营 API' },
  });
}
