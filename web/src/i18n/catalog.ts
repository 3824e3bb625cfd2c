import { account } from './en/account';
import { admin } from './en/admin';
import { auth } from './en/auth';
import { common } from './en/common';
import { language } from './en/language';
import { oidc } from './en/oidc';
import { organizations } from './en/organizations';
import { passkeys } from './en/passkeys';
import { social } from './en/social';

/** The English message catalog: every user-facing string of the web app lives here. */
export const en = {
  ...common,
  ...auth,
  ...account,
  ...admin,
  ...oidc,
  ...organizations,
  ...passkeys,
  ...language,
  ...social,
} as const;

export type MessageKey = keyof typeof en;

/** A whole catalog in one language: every English key, translated. */
export type Catalog = Record<MessageKey, string>;
