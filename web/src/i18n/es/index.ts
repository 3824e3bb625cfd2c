import { account } from './account';
import { admin } from './admin';
import { auth } from './auth';
import { common } from './common';
import { oidc } from './oidc';
import { organizations } from './organizations';
import { passkeys } from './passkeys';
import { social } from './social';
import { language } from './language';
import type { Catalog } from '../catalog';

/** The Spanish catalog: every area, loaded lazily (web/src/i18n/index.ts). */
export const es: Catalog = {
  ...common,
  ...auth,
  ...account,
  ...admin,
  ...oidc,
  ...organizations,
  ...passkeys,
  ...social,
  ...language,
};
