/** Mail settings that make the outbox worker quick in tests. */
export const FAST_MAIL_ENV: Record<string, string> = {
  MAIL_POLL_INTERVAL_MS: '50',
  MAIL_RETRY_BASE_MS: '50',
  MAIL_FROM: 'Gatehouse <no-reply@gatehouse.test>',
};
