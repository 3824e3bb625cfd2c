import { account } from './en/account';
import { admin } from './en/admin';
import { auth } from './en/auth';
import { common } from './en/common';
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
  ...social,
} as const;

export type MessageKey = keyof typeof en;
