import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { errorMessages, errorStatus, routeErrorCodes, routes, type ErrorCode, type RouteDefinition, type RouteName } from '@cakeday/shared';
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

/** The OpenAPI 3.1 document, generated from the route table and its declared errors in shared/. */
export function buildOpenApiDocument(): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  registry.registerComponent('securitySchemes', 'opsSession', { type: 'apiKey', in: 'cookie', name: 'cakeday_ops' });
  for (const [name, definition] of Object.entries(routes) as [RouteName, RouteDefinition][]) {
    registry.registerPath({
      method: 'post',
      path: definition.path,
      operationId: name,
      summary: definition.summary,
      tags: [name.split('.')[0] ?? name],
      security: definition.auth === 'public' ? [] : definition.auth === 'ops' ? [{ opsSession: [] }] : [{ session: [] }],
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
