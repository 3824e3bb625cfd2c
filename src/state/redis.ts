import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { SharedState } from './port.js';

// INCR and set the TTL on first use in one atomic step; returns [count, ttl].
const INCREMENT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
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
    if (value && wasDown) for (const handler of reconnectHandlers) handler();
    if (!value && healthy) logger.warn('redis unavailable: shared state degraded');
    if (value && !healthy) logger.info('redis connected');
    wasDown = wasDown || !value;
    healthy = value;
  };
  const update = () => setHealthy(client.status === 'ready' && subscriber.status === 'ready');
  for (const c of [client, subscriber]) {
    c.on('ready', update);
    c.on('end', update);
    c.on('close', update);
    c.on('reconnecting', update);
    c.on('error', (err: Error) => logger.debug({ err: { message: err.message } }, 'redis error'));
  }
  subscriber.on('message', (channel: string, message: string) => {
    // Channels are not key-prefixed by ioredis; we prefix them ourselves.
    for (const handler of handlers.get(channel) ?? []) handler(message);
  });

  return {
    kind: 'redis',
    async increment(key, ttlSeconds) {
      const [count, ttl] = (await client.eval(INCREMENT_SCRIPT, 1, key, String(ttlSeconds))) as [
        number,
        number,
      ];
      return { count, ttlSeconds: ttl };
    },
    async get(key) {
      return client.get(key);
    },
    async set(key, value, ttlSeconds) {
      if (ttlSeconds) await client.set(key, value, 'EX', ttlSeconds);
      else await client.set(key, value);
    },
    async getAndDelete(key) {
      return client.getdel(key);
    },
    async delete(key) {
      await client.del(key);
    },
    async publish(channel, message) {
      await client.publish(prefix + channel, message);
    },
    async subscribe(channel, handler) {
      const full = prefix + channel;
      const list = handlers.get(full) ?? [];
      list.push(handler);
      handlers.set(full, list);
      if (list.length === 1) await subscriber.subscribe(full);
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
