import { AppError } from '../errors/app-error.js';
import { JobQueue } from '../jobs/queue.js';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../webhooks/events.js';
import { webhookSealKey } from '../webhooks/feature.js';
import { serializeEndpoint } from '../webhooks/serializers.js';
import {
  createWebhookService,
  defaultRetryPolicy,
  SUBSCRIBED_TYPES_RECORD,
} from '../webhooks/service.js';
import { parseCommandLine } from './command.js';
import { withContext, type CliContext } from './context.js';
import { broadcastInvalidation } from './invalidate.js';
import { CliFailure, UsageError, say, type CliIo } from './io.js';

/** The same webhook service as the admin API (same URL checks, same sealing). */
function webhookService(ctx: CliContext) {
  const { config, db, logger } = ctx;
  return createWebhookService({
    db,
    // Never started: adding, listing and removing endpoints enqueue nothing.
    queue: new JobQueue({ databaseUrl: config.DATABASE_URL!, logger, pollIntervalSeconds: 60 }),
    logger,
    sealKey: webhookSealKey(Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64')),
    allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE,
    timeoutMs: config.WEBHOOK_TIMEOUT_SECONDS * 1000,
    retry: defaultRetryPolicy(config.WEBHOOK_RETRY_DELAY_SECONDS),
    disableAfterMs: config.WEBHOOK_DISABLE_AFTER_HOURS * 3600 * 1000,
  });
}

function failure(err: unknown): never {
  if (err instanceof AppError) throw new CliFailure(err.message);
  throw err;
}

function eventTypes(values: string[] | undefined): WebhookEventType[] {
  if (!values?.length) throw new UsageError('--event is required (repeat it for several)');
  const known = new Set<string>(WEBHOOK_EVENTS);
  const types = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = types.find((type) => !known.has(type));
  if (unknown)
    throw new UsageError(`unknown event "${unknown}" (known: ${WEBHOOK_EVENTS.join(', ')})`);
  return types as WebhookEventType[];
}

/** Runs `gatehouse webhooks` (usage in commands.ts). */
export async function runWebhooks(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    url: { type: 'string' },
    event: { type: 'string', multiple: true },
    description: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [action, id, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  let types: WebhookEventType[] = [];
  if (action === 'add') {
    if (!values.url) throw new UsageError('--url is required');
    types = eventTypes(values.event);
  } else if (action === 'remove') {
    if (!id || !/^[0-9]{1,9}$/.test(id)) throw new UsageError('expected an endpoint id');
  } else if (action !== 'list') {
    throw new UsageError(
      action ? `unknown subcommand "${action}"` : 'expected add, list or remove',
    );
  }
  return withContext(io, async (ctx) => {
    const service = webhookService(ctx);
    if (action === 'add') {
      const { endpoint, secret } = await service
        .create({ url: values.url!, event_types: types, description: values.description })
        .catch(failure);
      // Running instances re-read which event types have subscribers.
      await broadcastInvalidation(ctx, ...SUBSCRIBED_TYPES_RECORD);
      if (values.json) say(io, JSON.stringify({ id: endpoint.id, secret }));
      else {
        say(io, `Webhook endpoint ${endpoint.id} added: ${endpoint.url}`);
        say(io, `Signing secret (shown once, store it now): ${secret}`);
      }
      return 0;
    }
    if (action === 'remove') {
      await service.remove(Number(id)).catch(failure);
      await broadcastInvalidation(ctx, ...SUBSCRIBED_TYPES_RECORD);
      say(io, `Webhook endpoint ${id} removed, with its delivery log.`);
      return 0;
    }
    const list = (await service.list()).map(serializeEndpoint);
    if (values.json) say(io, JSON.stringify(list, null, 2));
    else if (list.length === 0) say(io, 'No webhook endpoints.');
    else
      for (const e of list)
        say(
          io,
          `${e.id}  ${e.enabled ? 'enabled ' : 'disabled'}  ${e.url}  ${e.event_types.join(',')}`,
        );
    return 0;
  });
}
