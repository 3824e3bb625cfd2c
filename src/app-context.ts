import type { Logger } from 'pino';
import type { KeyStore } from './auth/key-store.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { Config } from './config/index.js';
import type { DatabaseHandle } from './db/database.js';
import type { Metrics } from './ops/metrics.js';
import type { LiveSessionCache } from './sessions/live-session-cache.js';
import type { SharedState } from './state/port.js';

/** Everything a feature may need, built once per app. */
export interface AppContext {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  state: SharedState;
  metrics: Metrics;
  keys: KeyStore;
  hasher: PasswordHasher;
  cache: LiveSessionCache;
}
