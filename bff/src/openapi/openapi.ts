import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { errorMessages, routes, type RouteDefinition } from '@cakeday/shared';
import { z } from 'zod';

const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorMessages) as [string, ...string[]]),
    message: z.string(),
    requestId: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** The OpenAPI 3.1 document, generated from the route table in shared/. */
export function buildOpenApiDocument(): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  registry.registerComponent('securitySchemes', 'opsSession', { type: 'apiKey', in: 'cookie', name: 'cakeday_ops' });
  for (const [name, definition] of Object.entries(routes) as [string, RouteDefinition][]) {
    registry.registerPath({
      method: 'post',
      path: definition.path,
      operationId: name,
      summary: definition.summary,
      tags: [name.split('.')[0] ?? name],
      security: definition.auth === 'public' ? [] : definition.auth === 'ops' ? [{ opsSession: [] }] : [{ session: [] }],
      'x-cakeday-auth': definition.auth,
      ...(definition.permission ? { 'x-cakeday-permission': definition.permission } : {}),
      request: { body: { content: { 'application/json': { schema: definition.request } } } },
      responses: {
        200:
          definition.stream === 'csv'
            ? { description: 'CSV（流式）', content: { 'text/csv': { schema: { type: 'string' } } } }
            : { description: 'OK', content: { 'application/json': { schema: definition.response } } },
        default: { description: '错误', content: { 'application/json': { schema: errorSchema } } },
      },
    } as Parameters<OpenAPIRegistry['registerPath']>[0]);
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Cakeday BFF', version: '0.1.0', description: 'Cakeday 会员与生日运营 API' },
  });
}
