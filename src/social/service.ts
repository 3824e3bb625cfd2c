import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AUDIT_EVENTS } from '../audit/events.js';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import { newOpaqueToken } from '../auth/opaque-tokens.js';
import type { SecondStepChallenge } from '../auth/service.js';
import { finishSignIn } from '../auth/sign-in.js';
import type { SocialProviderInput } from '../config/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Database, Executor, UserIdentityRow, UserRow } from '../db/types.js';
import { seal } from '../email/sealed.js';
import { NO_PASSWORD } from '../email-sign-in/service.js';
import { assertWayInLeft, countWaysIn, hasPassword } from '../auth/ways-in.js';
import { AppError } from '../errors/app-error.js';
import type { IssuedTokens, SessionService } from '../sessions/service.js';
import type { SharedState } from '../state/port.js';
import { normalizeEmail } from '../users/email.js';
import { validateName } from '../users/name.js';
import * as users from '../users/repository.js';
import * as repo from './repository.js';
import { createProviderStore } from './providers.js';
import type { Provider, Upstream, UpstreamProfile } from './upstream.js';

/** How long a started sign-in may take at the provider (state, nonce and PKCE verifier live). */
export const FLOW_TTL_SECONDS = 10 * 60;
/** How long the web app has to exchange the one-time code after the callback. */
export const HANDOFF_TTL_SECONDS = 2 * 60;
/** How long a pending link waits for the person to sign in to the existing account. */
export const PENDING_LINK_TTL_SECONDS = 10 * 60;

/** Why a callback did not sign in; the web app explains each on the sign-in page. */
export type CallbackFailure =
  | 'state' // unknown, expired, replayed or started in another browser
  | 'denied' // the person cancelled at the provider
  | 'failed' // the provider's answer did not verify (code, nonce, ID token) or it is unreachable
  | 'email_unverified' // no linked identity, and the provider does not vouch for the address
  | 'link_required'; // an account has this address: sign in to it first, then the link is made

export type CallbackOutcome =
  | { kind: 'signed_in'; code: string; returnTo: string }
  | { kind: 'link_required'; linkId: string; returnTo: string }
  | { kind: 'failed'; reason: Exclude<CallbackFailure, 'link_required'>; returnTo: string };

export type SocialSignInResult =
  | { user: UserRow; tokens: IssuedTokens; challenge?: undefined }
  | { challenge: SecondStepChallenge };

export interface SocialServiceDeps {
  db: Kysely<Database>;
  state: SharedState;
  sessions: SessionService;
  upstream: Upstream;
  invalidateUser: (userId: number) => Promise<void>;
  /** SOCIAL_PROVIDERS (read-only here). */
  envProviders: readonly SocialProviderInput[];
  allowHttp: boolean;
  /** Seals client secrets (admin-added providers). */
  secretKey: Buffer;
  /** Seals the provider's tokens when a provider keeps them. */
  tokenKey: Buffer;
  /** `${APP_URL}/api/auth/oauth/${id}/callback`. */
  redirectUriOf: (providerId: string) => string;
  secondStep?: (user: UserRow, context: RequestContext) => Promise<SecondStepChallenge | null>;
}

interface Flow {
  provider: string;
  nonce: string | null;
  codeVerifier: string;
  returnTo: string;
  browser: string;
}

interface Handoff {
  userId: number;
  passwordHash: string;
  provider: string;
  browser: string;
}

interface PendingLink {
  userId: number;
  provider: string;
  subject: string;
  email: string;
  tokensSealed: string | null;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');
const keys = {
  flow: (state: string) => `social:flow:${digest(state)}`,
  handoff: (code: string) => `social:handoff:${digest(code)}`,
  link: (id: string) => `social:link:${digest(id)}`,
};

export type SocialService = ReturnType<typeof createSocialService>;

/** Sign-in through upstream providers, linked identities and the providers' configuration. */
export function createSocialService(deps: SocialServiceDeps) {
  const { db, state } = deps;

  const store = createProviderStore(deps);
  const { listProviders, providerOf } = store;

  /**
   * Starts a sign-in: the browser is sent to the provider. State, nonce and PKCE verifier stay
   * here, bound to `browser` (a random value in the browser's cookie), for one callback.
   */
  async function start(providerId: string, returnTo: string, browser: string): Promise<URL> {
    const provider = await providerOf(providerId);
    if (!provider) throw new AppError('PROVIDER_NOT_FOUND');
    const request = await deps.upstream
      .authorizationRequest(provider, deps.redirectUriOf(provider.id))
      .catch((cause: unknown) => {
        throw new AppError('PROVIDER_UNAVAILABLE', { cause });
      });
    const flow: Flow = {
      provider: provider.id,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      returnTo,
      browser: digest(browser),
    };
    await state.set(keys.flow(request.state), JSON.stringify(flow), FLOW_TTL_SECONDS);
    return request.url;
  }

  const sealTokens = (provider: Provider, profile: UpstreamProfile) =>
    provider.storeTokens ? seal(JSON.stringify(profile.tokens), deps.tokenKey) : null;

  async function failure(
    reason: Exclude<CallbackFailure, 'link_required'>,
    providerId: string,
    returnTo: string,
    context: RequestContext,
    userId: number | null = null,
  ): Promise<CallbackOutcome> {
    await appendAuditEvent(db, {
      type: AUDIT_EVENTS.SOCIAL_SIGN_IN_FAILED,
      userId,
      context,
      details: { provider: providerId, reason },
    });
    return { kind: 'failed', reason, returnTo };
  }

  /**
   * The provider sent the browser back: spends the flow (single use), lets openid-client check
   * state, nonce, PKCE and the ID token, then finds, creates or refuses the account.
   */
  async function callback(
    providerId: string,
    callbackUrl: URL,
    browser: string | undefined,
    context: RequestContext,
  ): Promise<CallbackOutcome> {
    // An unknown provider is a 404, like start: nothing is spent.
    const provider = await providerOf(providerId);
    if (!provider) throw new AppError('PROVIDER_NOT_FOUND');
    const stateParam = callbackUrl.searchParams.get('state');
    const stored = stateParam ? await state.getAndDelete(keys.flow(stateParam)) : null;
    const flow = stored ? (JSON.parse(stored) as Flow) : null;
    if (!flow || flow.provider !== providerId || !browser || flow.browser !== digest(browser))
      return failure('state', providerId, flow?.returnTo ?? '/', context);
    const { returnTo } = flow;
    if (callbackUrl.searchParams.get('error') === 'access_denied')
      return failure('denied', providerId, returnTo, context);
    let profile: UpstreamProfile;
    try {
      profile = await deps.upstream.complete(
        provider,
        callbackUrl,
        deps.redirectUriOf(provider.id),
        {
          state: stateParam!,
          nonce: flow.nonce,
          codeVerifier: flow.codeVerifier,
        },
      );
    } catch {
      return failure('failed', providerId, returnTo, context);
    }
    const outcome = await resolveAccount(provider, profile, context);
    if (outcome.kind === 'failed') return failure(outcome.reason, providerId, returnTo, context);
    if (outcome.kind === 'link_required') {
      const linkId = newOpaqueToken();
      const pending: PendingLink = {
        userId: outcome.userId,
        provider: provider.id,
        subject: profile.subject,
        email: profile.email!,
        tokensSealed: sealTokens(provider, profile),
      };
      await state.set(keys.link(linkId), JSON.stringify(pending), PENDING_LINK_TTL_SECONDS);
      return { kind: 'link_required', linkId, returnTo };
    }
    const code = newOpaqueToken();
    const handoff: Handoff = {
      userId: outcome.user.id,
      passwordHash: outcome.user.password_hash,
      provider: provider.id,
      browser: flow.browser,
    };
    await state.set(keys.handoff(code), JSON.stringify(handoff), HANDOFF_TTL_SECONDS);
    return { kind: 'signed_in', code, returnTo };
  }

  /** The account an upstream identity signs in to: linked, created now, or refused. */
  async function resolveAccount(
    provider: Provider,
    profile: UpstreamProfile,
    context: RequestContext,
  ): Promise<
    | { kind: 'signed_in'; user: UserRow }
    | { kind: 'link_required'; userId: number }
    | { kind: 'failed'; reason: 'email_unverified' | 'failed' }
  > {
    const tokensSealed = sealTokens(provider, profile);
    return inTransaction(db, async (trx, afterCommit) => {
      const linked = await repo.findIdentity(trx, provider.id, profile.subject);
      if (linked) {
        const user = await users.lockUserById(trx, linked.user_id);
        if (!user) return { kind: 'failed' as const, reason: 'failed' as const };
        await repo.touchIdentity(trx, linked.id, tokensSealed);
        await signInEvent(trx, user.id, provider, linked, context, false);
        return { kind: 'signed_in' as const, user };
      }
      // Only an address the provider vouches for may find or create an account.
      const email = profile.email ? normalizeEmail(profile.email) : null;
      if (!email || !profile.emailVerified)
        return { kind: 'failed' as const, reason: 'email_unverified' as const };
      const existing = await users.findUserByEmail(trx, email);
      // No silent takeover: the owner signs in to the account first, then the link is made.
      if (existing) return { kind: 'link_required' as const, userId: existing.id };
      const user = await users.insertUser(trx, {
        email,
        name: nameOf(profile.name),
        password_hash: NO_PASSWORD,
        email_verified: true,
      });
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.ACCOUNT_CREATED,
        userId: user.id,
        context,
        details: { method: 'social', provider: provider.id },
      });
      const identity = await repo.insertIdentity(trx, {
        userId: user.id,
        provider: provider.id,
        subject: profile.subject,
        email,
        tokensSealed,
      });
      // A concurrent first sign-in linked it meanwhile: this attempt (and its account) rolls back.
      if (!identity) throw new AppError('IDENTITY_TAKEN');
      await linkedEvent(trx, user.id, provider.id, identity, context);
      await signInEvent(trx, user.id, provider, identity, context, true);
      afterCommit(() => deps.invalidateUser(user.id));
      return { kind: 'signed_in' as const, user };
    });
  }

  /**
   * The web app's half of the hand-over: the one-time code of the callback, from the browser
   * that started the sign-in, becomes a session (or the second-step challenge).
   */
  async function exchange(
    code: string,
    browser: string | undefined,
    context: RequestContext,
  ): Promise<SocialSignInResult> {
    const stored = await state.getAndDelete(keys.handoff(code));
    const handoff = stored ? (JSON.parse(stored) as Handoff) : null;
    if (!handoff || !browser || handoff.browser !== digest(browser))
      throw new AppError('SOCIAL_CODE_INVALID');
    const user = await users.findUserById(db, handoff.userId);
    if (!user || user.password_hash !== handoff.passwordHash)
      throw new AppError('SOCIAL_CODE_INVALID');
    const challenge = (await deps.secondStep?.(user, context)) ?? null;
    if (challenge) return { challenge };
    const result = await finishSignIn(deps, user.id, user.password_hash, context, {
      details: { method: 'social', provider: handoff.provider },
    });
    if (!result) throw new AppError('SOCIAL_CODE_INVALID');
    return result;
  }

  /** Makes the pending link once its account's owner has signed in (by any method). */
  async function completeLink(
    userId: number,
    linkId: string | undefined,
    context: RequestContext,
  ): Promise<UserIdentityRow> {
    const stored = linkId ? await state.getAndDelete(keys.link(linkId)) : null;
    const pending = stored ? (JSON.parse(stored) as PendingLink) : null;
    if (!pending || pending.userId !== userId) throw new AppError('SOCIAL_LINK_INVALID');
    return inTransaction(db, async (trx) => {
      const user = await users.lockUserById(trx, userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      const identity = await repo.insertIdentity(trx, {
        userId,
        provider: pending.provider,
        subject: pending.subject,
        email: pending.email,
        tokensSealed: pending.tokensSealed,
      });
      if (!identity) throw new AppError('IDENTITY_TAKEN');
      await linkedEvent(trx, userId, pending.provider, identity, context);
      return identity;
    });
  }

  /** The person's linked identities and how many ways in the account has. */
  async function signInMethods(userId: number) {
    const user = await users.findUserById(db, userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const [identities, counts, providers] = await Promise.all([
      repo.listIdentitiesOfUser(db, userId),
      countWaysIn(db, userId),
      listProviders(),
    ]);
    const names = new Map(providers.map((p) => [p.id, p.displayName]));
    return {
      password: hasPassword(user),
      passkeys: counts.passkeys,
      identities: identities.map((identity) => ({
        ...identity,
        providerName: names.get(identity.provider) ?? identity.provider,
      })),
      waysIn: (hasPassword(user) ? 1 : 0) + counts.passkeys + counts.identities,
    };
  }

  /**
   * Unlinks an identity unless it is the account's last way in (password, passkey, identity).
   * The user row is locked first, so two concurrent unlinks cannot both pass the count.
   */
  async function unlink(userId: number, id: number, context: RequestContext): Promise<void> {
    await inTransaction(db, async (trx) => {
      const user = await users.lockUserById(trx, userId);
      if (!user) throw new AppError('UNAUTHENTICATED');
      const removed = await repo.deleteIdentity(trx, userId, id);
      if (!removed) throw new AppError('IDENTITY_NOT_FOUND');
      await assertWayInLeft(trx, user);
      await appendAuditEvent(trx, {
        type: AUDIT_EVENTS.IDENTITY_UNLINKED,
        userId,
        context,
        details: { provider: removed.provider, identity_id: removed.id },
      });
    });
  }

  async function linkedEvent(
    trx: Executor,
    userId: number,
    provider: string,
    identity: UserIdentityRow,
    context: RequestContext,
  ) {
    await appendAuditEvent(trx, {
      type: AUDIT_EVENTS.IDENTITY_LINKED,
      userId,
      context,
      details: { provider, identity_id: identity.id },
    });
  }

  async function signInEvent(
    trx: Executor,
    userId: number,
    provider: Provider,
    identity: UserIdentityRow,
    context: RequestContext,
    created: boolean,
  ) {
    await appendAuditEvent(trx, {
      type: AUDIT_EVENTS.SOCIAL_SIGN_IN,
      userId,
      context,
      details: { provider: provider.id, identity_id: identity.id, ...(created ? { created } : {}) },
    });
  }

  return {
    listProviders,
    addProvider: store.addProvider,
    removeProvider: store.removeProvider,
    start,
    callback,
    exchange,
    completeLink,
    signInMethods,
    unlink,
  };
}

/** The upstream's display name when it is a valid one; empty otherwise (the web app asks). */
function nameOf(raw: string | null): string {
  if (!raw) return '';
  try {
    return validateName(raw);
  } catch {
    return '';
  }
}
