import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { SharedState } from './port.js';

// INCRBY and set the TTL on first use in one atomic step; returns [count, ttl]. A negative amount
// (giving back a reservation) never creates a key and never goes below zero.
const INCREMENT_SCRIPT = `
local by = tonumber(ARGV[2])
if by < 0 and redis.call('EXISTS', KEYS[1]) == 0 then return {0, 0} end
local count = redis.call('INCRBY', KEYS[1], by)
if count < 0 then redis.call('SET', KEYS[1], '0', 'KEEPTTL') count = 0 end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

type Client = Redis | Cluster;

function connect(url: string, prefix: string, options: RedisOptions): Client {
  const urls = url
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (urls.length > 1) {
    const nodes = urls.map((u) => {
      const parsed = new URL(u);
      return { host: parsed.hostname, port: Number(parsed.port || 6379) };
    });
    return new Cluster(nodes, { keyPrefix: prefix, redisOptions: options });
  }
  return new Redis(urls[0]!, { ...options, keyPrefix: prefix });
}

/** Redis-backed shared state; reconnects by itself and reports health for readiness and caches. */
export function createRedisState(url: string, prefix: string, logger: Logger): SharedState {
  const options: RedisOptions = {
    // Fail commands fast while disconnected instead of queueing them behind a dead socket.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  };
  const client = connect(url, prefix, options);
  // EVALSHA with a transparent EVAL fallback: the script body is sent once per connection.
  client.defineCommand('gatehouseIncrement', { numberOfKeys: 1, lua: INCREMENT_SCRIPT });
  const scripted = client as unknown as {
    gatehouseIncrement(key: string, ttl: string, by: string): Promise<[number, number]>;
  };
  const subscriber = connect(url, prefix, {
    ...options,
    enableOfflineQueue: true,
    commandTimeout: undefined,
  });
  const handlers = new Map<string, Array<(message: string) => void>>();
  const reconnectHandlers: Array<() => void> = [];
  let healthy = false;
  let wasDown = false;

  const setHealthy = (value: boolean) => {
    if (value === healthy) return;
    healthy = value;
    if (!value) {
      wasDown = true;
      logger.warn('redis unavailable: shared state degraded');
      return;
    }
    logger.info('redis connected');
    if (wasDown) for (const handler of reconnectHandlers) handler();
  };
  // Healthy only once the subscriptions are confirmed again: a message published between the
  // reconnect and the SUBSCRIBE would otherwise be missed by a cache that already trusts itself.
  let subscribed = true;
  const update = () =>
    setHealthy(client.status === 'ready' && subscriber.status === 'ready' && subscribed);
  // Registered before the generic listeners so `subscribed` is false when they run. ioredis
  // re-subscribes what it had; this also covers channels first subscribed during an outage.
  subscriber.on('ready', () => {
    if (handlers.size === 0) return;
    subscribed = false;
    subscriber.subscribe(...handlers.keys()).then(
      () => {
        subscribed = true;
        update();
      },
      (err: Error) => logger.debug({ err: { message: err.message } }, 'redis resubscribe failed'),
    );
  });
  for (const c of [client, subscriber]) {
    c.on('ready', update);
    c.on('end', update);
    c.on('close', update);
    c.on('reconnecting', update);
    c.on('error', (err: Error) => logger.debug({ err: { message: err.message } }, 'redis error'));
  }
  // The offline queue is off so an outage fails fast, but start-up is not an outage: until the
  // first connection is up, commands wait for it (at most the connect timeout) instead of failing.
  let started = false;
  const firstReady = new Promise<void>((resolve) => client.once('ready', () => resolve()));
  const whenStarted = async (): Promise<void> => {
    if (started) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      firstReady,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, options.connectTimeout))),
    ]);
    clearTimeout(timer);
    started = true;
  };
  subscriber.on('message', (channel: string, message: string) => {
    // Channels are not key-prefixed by ioredis; we prefix them ourselves.
    for (const handler of handlers.get(channel) ?? []) handler(message);
  });

  return {
    kind: 'redis',
    async increment(key, ttlSeconds, by = 1) {
      await whenStarted();
      const [count, ttl] = await scripted.gatehouseIncrement(key, String(ttlSeconds), String(by));
      return { count, ttlSeconds: ttl };
    },
    async get(key) {
      await whenStarted();
      return client.get(key);
    },
    async set(key, value, ttlSeconds) {
      await whenStarted();
      if (ttlSeconds) await client.set(key, value, 'EX', ttlSeconds);
      else await client.set(key, value);
    },
    async getAndDelete(key) {
      await whenStarted();
      return client.getdel(key);
    },
    async delete(key) {
      await whenStarted();
      await client.del(key);
    },
    async publish(channel, message) {
      await whenStarted();
      await client.publish(prefix + channel, message);
    },
    async subscribe(channel, handler) {
      const full = prefix + channel;
      const list = handlers.get(full) ?? [];
      list.push(handler);
      handlers.set(full, list);
      if (list.length > 1) return;
      // Started during an outage: the subscription is made on the next connect (see 'ready').
      await subscriber
        .subscribe(full)
        .catch((err: Error) =>
          logger.warn({ err: { message: err.message }, channel }, 'redis subscribe deferred'),
        );
    },
    onReconnect(handler) {
      reconnectHandlers.push(handler);
    },
    isHealthy: () => healthy,
    async ping() {
      try {
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      client.disconnect();
      subscriber.disconnect();
    },
  };
}
