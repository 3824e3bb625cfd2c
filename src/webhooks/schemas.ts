import Type from 'typebox';
import { WEBHOOK_EVENTS } from './events.js';

const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Unsafe<string | null>({
  type: 'string',
  format: 'date-time',
  nullable: true,
});
const NullableInteger = Type.Unsafe<number | null>({ type: 'integer', nullable: true });
const NullableString = Type.Unsafe<string | null>({ type: 'string', nullable: true });

const EventType = Type.Enum([...WEBHOOK_EVENTS]);
const Url = Type.String({
  minLength: 1,
  maxLength: 2000,
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
  description: 'http(s) URL; refused when it resolves to a loopback, private or metadata address',
});
const EventTypes = Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENTS.length });
const Description = Type.String({ maxLength: 200 });

export const WebhookEndpointSchema = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String(),
    description: Type.String(),
    event_types: Type.Array(Type.String()),
    enabled: Type.Boolean(),
    disabled_at: {
      ...NullableTimestamp,
      description: 'When it was disabled for failing too long (null: not disabled that way)',
    },
    failing_since: {
      ...NullableTimestamp,
      description: 'Start of the current run of failed attempts (null: the last one succeeded)',
    },
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'WebhookEndpoint' },
);

export const CreatedWebhookEndpointSchema = Type.Intersect([
  WebhookEndpointSchema,
  Type.Object({
    secret: Type.String({
      description: 'Signing secret (`whsec_...`), shown once, at creation',
    }),
  }),
]);

export const WebhookDeliverySchema = Type.Object(
  {
    id: Type.Integer(),
    event_id: Type.String({ description: 'The webhook-id header: the same on every attempt' }),
    event_type: Type.String(),
    status: Type.String({ description: '`pending`, `delivered` or `failed`' }),
    attempts: Type.Integer(),
    last_response_code: NullableInteger,
    last_error: NullableString,
    last_attempt_at: NullableTimestamp,
    next_attempt_at: {
      ...NullableTimestamp,
      description: 'The latest the next attempt is due (retries have jitter)',
    },
    delivered_at: NullableTimestamp,
    created_at: Timestamp,
    payload: Type.Record(Type.String(), Type.Unknown(), { description: 'The body sent' }),
  },
  { $id: 'WebhookDelivery' },
);

export const CreateWebhookBody = Type.Object({
  url: Url,
  event_types: EventTypes,
  description: Type.Optional(Description),
  enabled: Type.Optional(Type.Boolean()),
});

export const UpdateWebhookBody = Type.Object({
  url: Type.Optional(Url),
  event_types: Type.Optional(EventTypes),
  description: Type.Optional(Description),
  enabled: Type.Optional(Type.Boolean()),
});

export const WebhookIdParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,9}$', description: 'Endpoint id' }),
});

export const DeliveryIdParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,9}$', description: 'Endpoint id' }),
  deliveryId: Type.String({ pattern: '^[0-9]{1,15}$', description: 'Delivery id' }),
});

export const DeliveriesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
