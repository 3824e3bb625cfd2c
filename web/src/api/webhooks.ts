import { authed } from './client';
import type { RequestBody, ResponseData } from './types';

/** A webhook endpoint, as `/api/admin/webhooks` returns it (never its secret). */
export type WebhookEndpoint = ResponseData<'/api/admin/webhooks', 'get'>[number];

/** Only the answer to a creation carries the signing secret, once. */
export type CreatedWebhookEndpoint = ResponseData<'/api/admin/webhooks', 'post'>;

export type NewWebhookEndpoint = RequestBody<'/api/admin/webhooks', 'post'>;

export type WebhookEndpointChanges = RequestBody<'/api/admin/webhooks/{id}', 'put'>;

export type WebhookEventType = NewWebhookEndpoint['event_types'][number];

export type WebhookDelivery = ResponseData<'/api/admin/webhooks/{id}/deliveries', 'get'>[number];

const endpointPath = (id: number) => `/api/admin/webhooks/${id}`;

export const webhooksApi = {
  list: () => authed<WebhookEndpoint[]>('/api/admin/webhooks'),
  create: (body: NewWebhookEndpoint) =>
    authed<CreatedWebhookEndpoint>('/api/admin/webhooks', { method: 'POST', body }),
  update: (id: number, body: WebhookEndpointChanges) =>
    authed<WebhookEndpoint>(endpointPath(id), { method: 'PUT', body }),
  remove: (id: number) => authed<unknown>(endpointPath(id), { method: 'DELETE' }),
  deliveries: (id: number) => authed<WebhookDelivery[]>(`${endpointPath(id)}/deliveries`),
  redeliver: (id: number, deliveryId: number) =>
    authed<WebhookDelivery>(`${endpointPath(id)}/deliveries/${deliveryId}/redeliver`, {
      method: 'POST',
    }),
};
