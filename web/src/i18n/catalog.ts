import { account } from './en/account';
import { admin } from './en/admin';
import { auth } from './en/auth';
import { common } from './en/common';

/** The English message catalog: every user-facing string of the web app lives here. */
export const en = { ...common, ...auth, ...account, ...admin } as const;

export type MessageKey = keyof typeof en;
