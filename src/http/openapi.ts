import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/index.js';

/** OpenAPI 3 generated from the route schemas: GET /api/openapi.json, readable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Gatehouse API',
        version: '1.0.0',
        description:
          'User accounts and authentication. Every /api response uses the success/error envelope.',
      },
      servers: [{ url: config.APP_URL }],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      tags: [
        { name: 'auth', description: 'Registration, sign-in, tokens, email flows' },
        { name: 'sessions', description: "The caller's sessions" },
        { name: 'users', description: 'Profiles and user management' },
        { name: 'organizations', description: 'Organizations, members, invitations' },
        { name: 'operations', description: 'Health, metrics, keys' },
      ],
    },
    // Swagger UI's own routes are hidden; the page itself is part of the contract, so list it.
    transformObject: (documentObject) => {
      const doc = (documentObject as { openapiObject: { paths?: Record<string, unknown> } })
        .openapiObject;
      doc.paths = {
        ...doc.paths,
        '/api/docs': {
          get: {
            tags: ['operations'],
            summary: 'Interactive API reference (HTML)',
            responses: { 200: { description: 'The reference page' } },
          },
        },
      };
      return doc as never;
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: false,
    uiConfig: { deepLinking: false },
  });
  app.get(
    '/api/openapi.json',
    { schema: { tags: ['operations'], summary: 'This OpenAPI 3 document' } },
    async () => app.swagger(),
  );
}
