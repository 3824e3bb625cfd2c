/** Mail settings that make the mail send job quick in tests (1 s first retry, 2 s at most). */
export const FAST_MAIL_ENV: Record<string, string> = {
  JOBS_POLL_INTERVAL_MS: '500',
  MAIL_RETRY_BASE_MS: '1000',
  MAIL_RETRY_MAX_MS: '2000',
  MAIL_FROM: 'Gatehouse <no-reply@gatehouse.test>',
};
