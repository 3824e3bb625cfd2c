import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type Provider from 'oidc-provider';
import { AUDIT_EVENTS } from '../audit/events.js';
import { appendAuditEvent, type RequestContext } from '../audit/repository.js';
import type { Database } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { FIRST_PARTY, saveConsent, type MissingConsent } from './grants.js';
import type { GatehouseLogin } from './provider.js';

type Raw = { req: IncomingMessage; res: ServerResponse };
type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** What the web app shows for an interaction: who asks, for what, and which step is due. */
export interface InteractionView {
  uid: string;
  prompt: string;
  reasons: string[];
  /** The person must type their password again (prompt=login, or max_age has passed). */
  fresh_login_required: boolean;
  client: { client_id: string; name: string; first_party: boolean };
  scopes: string[];
}

// A Gatehouse session created this long before the interaction still counts as a fresh sign-in
// (the web app signs in, then completes: clocks of two instances may differ a little).
const FRESH_SKEW_SECONDS = 5;

/** The sign-in and consent steps of an authorization request, completed by the web app. */
export function createInteractionService(deps: { db: Kysely<Database>; provider: () => Provider }) {
  const { db } = deps;

  /** The interaction of this browser (its cookie), which must be the one named in the URL. */
  async function load(raw: Raw, uid: string): Promise<Interaction> {
    let interaction: Interaction;
    try {
      interaction = await deps.provider().interactionDetails(raw.req, raw.res);
    } catch {
      throw new AppError('INTERACTION_NOT_FOUND');
    }
    if (interaction.uid !== uid) throw new AppError('INTERACTION_NOT_FOUND');
    return interaction;
  }

  function freshLoginRequired(interaction: Interaction): boolean {
    const reasons = interaction.prompt.reasons;
    return reasons.includes('login_prompt') || reasons.includes('max_age');
  }

  /** The oldest sign-in time that still satisfies this interaction, in epoch seconds. */
  function freshSince(interaction: Interaction): number | null {
    const since: number[] = [];
    if (interaction.prompt.reasons.includes('login_prompt'))
      since.push(interaction.iat - FRESH_SKEW_SECONDS);
    const maxAge = Number(interaction.params.max_age);
    if (Number.isFinite(maxAge) && interaction.params.max_age !== undefined)
      since.push(Math.floor(Date.now() / 1000) - maxAge);
    return since.length ? Math.max(...since) : null;
  }

  async function result(raw: Raw, value: Record<string, unknown>): Promise<string> {
    return deps.provider().interactionResult(raw.req, raw.res, value);
  }

  return {
    async details(raw: Raw, uid: string): Promise<InteractionView> {
      const interaction = await load(raw, uid);
      const clientId = String(interaction.params.client_id);
      const client = await deps.provider().Client.find(clientId);
      if (!client) throw new AppError('INTERACTION_NOT_FOUND');
      const details = interaction.prompt.details as MissingConsent;
      return {
        uid,
        prompt: interaction.prompt.name,
        reasons: interaction.prompt.reasons,
        fresh_login_required: freshLoginRequired(interaction),
        client: {
          client_id: clientId,
          name: client.clientName ?? clientId,
          first_party: (client as unknown as Record<string, unknown>)[FIRST_PARTY] === true,
        },
        scopes:
          interaction.prompt.name === 'consent' && details.missingOIDCScope
            ? details.missingOIDCScope
            : String(interaction.params.scope ?? '')
                .split(' ')
                .filter(Boolean),
      };
    },

    /**
     * Completes the login step with the caller's Gatehouse session (single sign-on); when the
     * application asked for a fresh sign-in, the session must be that recent.
     */
    async login(raw: Raw, uid: string, auth: { userId: number; sessionId: number }) {
      const interaction = await load(raw, uid);
      if (interaction.prompt.name !== 'login') throw new AppError('INTERACTION_NOT_FOUND');
      const session = await db
        .selectFrom('sessions')
        .select('created_at')
        .where('id', '=', auth.sessionId)
        .executeTakeFirstOrThrow();
      const authTime = Math.floor(session.created_at.getTime() / 1000);
      const since = freshSince(interaction);
      if (since !== null && authTime < since) throw new AppError('REAUTHENTICATION_REQUIRED');
      const login: GatehouseLogin & Record<string, unknown> = {
        accountId: String(auth.userId),
        gatehouseSessionId: auth.sessionId,
        ts: authTime,
        amr: ['pwd'],
        remember: true,
      };
      return result(raw, { login });
    },

    /** Allow adds the requested scopes to the person's grant for the app; deny answers access_denied. */
    async consent(
      raw: Raw,
      uid: string,
      userId: number,
      allow: boolean,
      context: RequestContext,
    ): Promise<string> {
      const interaction = await load(raw, uid);
      if (interaction.prompt.name !== 'consent') throw new AppError('INTERACTION_NOT_FOUND');
      // Only the person who signed in for this request may answer for it.
      if (interaction.session?.accountId !== String(userId)) throw new AppError('FORBIDDEN');
      const clientId = String(interaction.params.client_id);
      if (!allow)
        return result(raw, {
          error: 'access_denied',
          error_description: 'The person denied the request',
        });
      const provider = deps.provider();
      const grant =
        (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
        new provider.Grant({ accountId: String(userId), clientId });
      const missing = interaction.prompt.details as MissingConsent;
      const grantId = await saveConsent(grant, missing);
      await appendAuditEvent(db, {
        type: AUDIT_EVENTS.CONSENT_GIVEN,
        userId,
        context,
        details: { client_id: clientId, scopes: missing.missingOIDCScope ?? [] },
      });
      return result(raw, { consent: { grantId } });
    },
  };
}

export type InteractionService = ReturnType<typeof createInteractionService>;
