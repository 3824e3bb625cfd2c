import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { createRedisState } from '../../src/state/redis.js';
import { sharedStateContract } from './state.contract.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

sharedStateContract('redis', async () => {
  // A unique prefix keeps parallel runs on the machine's Redis apart.
  const prefix = `gh-test:${randomBytes(6).toString('hex')}:`;
  const logger = pino({ level: 'silent' });
  const first = createRedisState(REDIS_URL, prefix, logger);
  const second = createRedisState(REDIS_URL, prefix, logger);
  return {
    first,
    second,
    close: async () => {
      await first.close();
      await second.close();
    },
  };
});
