import type { preHandlerAsyncHookHandler } from 'fastify';
import Type from 'typebox';
import { Envelope, NoData, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import {
  CreateWebhookBody,
  CreatedWebhookEndpointSchema,
  DeliveriesQuery,
  DeliveryIdParams,
  UpdateWebhookBody,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookIdParams,
} from './schemas.js';
import { serializeDelivery, serializeEndpoint } from './serializers.js';
import type { WebhookService } from './service.js';

export interface WebhookRouteDeps {
  service: WebhookService;
  authenticate: preHandlerAsyncHookHandler;
  requireAdmin: preHandlerAsyncHookHandler;
}

/** Admin API: webhook endpoints and their delivery log. */
export function registerWebhookRoutes(app: App, deps: WebhookRouteDeps): void {
  const { service } = deps;
  const common = { tags: ['webhooks'], security: [{ bearerAuth: [] }] };
  // The role is checked before validation too, so a non-admin learns nothing from a 400.
  const admin = { preValidation: [deps.authenticate, deps.requireAdmin] };
  const idOf = (request: { params: { id: string } }) => Number(request.params.id);

  app.get(
    '/api/admin/webhooks',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Webhook endpoints',
        response: {
          200: Envelope(Type.Array(WebhookEndpointSchema)),
          ...errorResponses(401, 403, 503),
        },
      },
    },
    async () => ok('Webhook endpoints', (await service.list()).map(serializeEndpoint)),
  );

  app.post(
    '/api/admin/webhooks',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Register a webhook endpoint (its signing secret is shown once)',
        body: CreateWebhookBody,
        response: {
          201: Envelope(CreatedWebhookEndpointSchema),
          ...errorResponses(400, 401, 403, 503),
        },
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await service.create(request.body);
      reply.status(201);
      return ok('Webhook endpoint created', { ...serializeEndpoint(endpoint), secret });
    },
  );

  app.get(
    '/api/admin/webhooks/:id',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'One webhook endpoint',
        params: WebhookIdParams,
        response: {
          200: Envelope(WebhookEndpointSchema),
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) => ok('Webhook endpoint', serializeEndpoint(await service.get(idOf(request)))),
  );

  app.put(
    '/api/admin/webhooks/:id',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Change a webhook endpoint (enabling it again clears its failure history)',
        params: WebhookIdParams,
        body: UpdateWebhookBody,
        response: {
          200: Envelope(WebhookEndpointSchema),
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) =>
      ok(
        'Webhook endpoint updated',
        serializeEndpoint(await service.update(idOf(request), request.body)),
      ),
  );

  app.delete(
    '/api/admin/webhooks/:id',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Remove a webhook endpoint and its delivery log',
        params: WebhookIdParams,
        response: { 200: NoData, ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      await service.remove(idOf(request));
      return ok('Webhook endpoint removed');
    },
  );

  app.get(
    '/api/admin/webhooks/:id/deliveries',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'The delivery log of an endpoint, newest first',
        params: WebhookIdParams,
        querystring: DeliveriesQuery,
        response: {
          200: Envelope(Type.Array(WebhookDeliverySchema)),
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request) =>
      ok(
        'Deliveries',
        (await service.deliveries(idOf(request), request.query.limit ?? 50)).map(serializeDelivery),
      ),
  );

  app.post(
    '/api/admin/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Send a delivery again, now (same webhook-id)',
        params: DeliveryIdParams,
        response: {
          202: Envelope(WebhookDeliverySchema),
          ...errorResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const delivery = await service.redeliver(idOf(request), Number(request.params.deliveryId));
      reply.status(202);
      return ok('Delivery queued', serializeDelivery(delivery));
    },
  );
}
