import type { Migration } from 'kysely';
import * as initial from './2026-11-28T0600_initial.js';
import * as emailTokensAndOutbox from './2026-11-28T0720_email_tokens_and_outbox.js';
import * as userListIndexes from './2026-11-28T0730_user_list_indexes.js';
import * as cleanupIndexes from './2026-11-28T0745_cleanup_indexes.js';
import * as cheaperRotation from './2026-11-28T0930_cheaper_rotation.js';
import * as emailNormalized from './2026-12-03T1700_email_normalized.js';
import * as sessionLifetimeIndex from './2026-12-03T1700_session_lifetime_index.js';
import * as oidc from './2026-12-03T1800_oidc.js';
import * as signingKeyActivation from './2026-12-03T1900_signing_key_activation.js';
import * as organizations from './2026-12-03T2100_organizations.js';
import * as webhooks from './2026-12-03T2100_webhooks.js';
import * as totp from './2026-12-03T2100_totp.js';
import * as passkeys from './2026-12-03T2200_passkeys.js';
import * as emailSignIn from './2026-12-03T2200_email_sign_in.js';
import * as mailOutboxOnJobQueue from './2026-12-04T0400_mail_outbox_on_job_queue.js';
import * as socialSignIn from './2026-12-04T0500_social_sign_in.js';
import * as userLocale from './2026-12-04T0600_user_locale.js';

/**
 * Every migration, in the order the migrator runs them (by name). Add new ones at the end, named
 * after the last; never edit a released one.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-28T0600_initial': initial,
  '2026-11-28T0720_email_tokens_and_outbox': emailTokensAndOutbox,
  '2026-11-28T0730_user_list_indexes': userListIndexes,
  '2026-11-28T0745_cleanup_indexes': cleanupIndexes,
  '2026-11-28T0930_cheaper_rotation': cheaperRotation,
  '2026-12-03T1700_email_normalized': emailNormalized,
  '2026-12-03T1700_session_lifetime_index': sessionLifetimeIndex,
  '2026-12-03T1800_oidc': oidc,
  '2026-12-03T1900_signing_key_activation': signingKeyActivation,
  '2026-12-03T2100_organizations': organizations,
  '2026-12-03T2100_totp': totp,
  '2026-12-03T2100_webhooks': webhooks,
  '2026-12-03T2200_email_sign_in': emailSignIn,
  '2026-12-03T2200_passkeys': passkeys,
  '2026-12-04T0400_mail_outbox_on_job_queue': mailOutboxOnJobQueue,
  '2026-12-04T0500_social_sign_in': socialSignIn,
  '2026-12-04T0600_user_locale': userLocale,
};
