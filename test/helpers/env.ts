/** Environment every test app starts from: fast hashing, quiet logs, fixed secrets, generous limits. */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  BCRYPT_COST: '4',
  // Shedding is tested on purpose elsewhere; a loaded CI machine must not shed ordinary test traffic.
  PASSWORD_HASH_MAX_WAIT_MS: '30000',
  LOG_LEVEL: 'silent',
  KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  TOKEN_SECRET: 'test-token-secret-0123456789abcdef0123456789',
  APP_URL: 'http://localhost:3000',
  RATE_LIMIT_LOGIN_ACCOUNT_MAX: '1000',
  RATE_LIMIT_LOGIN_IP_MAX: '100000',
  RATE_LIMIT_LOGIN_SLOWDOWN_AFTER: '1000',
  RATE_LIMIT_REGISTER_PER_HOUR: '100000',
  RATE_LIMIT_EMAIL_PER_HOUR: '100000',
  RATE_LIMIT_EMAIL_PER_RECIPIENT_PER_HOUR: '100000',
  RATE_LIMIT_REFRESH_PER_MINUTE: '100000',
  RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
  CLEANUP_INTERVAL_SECONDS: '0',
};
