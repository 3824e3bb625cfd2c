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
        { name: 'operations', description: 'Health, metrics, keys' },
      ],
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: false,
    uiConfig: { deepLinking: false },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
