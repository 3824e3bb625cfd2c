import type { MessageKey } from '../i18n';

/** One-shot notices shown on the sign-in page, passed in router state (not the URL). */
export type SignInNotice =
  | 'signedOut'
  | 'passwordReset'
  | 'accountDeleted'
  | 'accountCreated'
  | 'verified'
  | 'passwordChanged';

export interface SignInState {
  notice?: SignInNotice;
  email?: string;
}

export const noticeKeys: Record<SignInNotice, MessageKey> = {
  signedOut: 'signIn.notice.signedOut',
  passwordReset: 'signIn.notice.passwordReset',
  accountDeleted: 'signIn.notice.accountDeleted',
  accountCreated: 'signIn.notice.accountCreated',
  verified: 'signIn.notice.verified',
  passwordChanged: 'signIn.notice.passwordChanged',
};

export function readSignInState(state: unknown): SignInState {
  if (typeof state !== 'object' || state === null) return {};
  const { notice, email } = state as Record<string, unknown>;
  return {
    notice:
      typeof notice === 'string' && notice in noticeKeys ? (notice as SignInNotice) : undefined,
    email: typeof email === 'string' ? email : undefined,
  };
}
