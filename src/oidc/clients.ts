import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, OidcClientRow } from '../db/types.js';
import { AppError } from '../errors/app-error.js';
import { clientMetadata } from './adapter.js';
import { FIRST_PARTY } from './grants.js';
import { hashClientSecret } from './provider.js';

/** Grant types of a confidential client unless it is told otherwise. */
export const CONFIDENTIAL_GRANT_TYPES = [
  'authorization_code',
  'refresh_token',
  'client_credentials',
];
const PUBLIC_GRANT_TYPES = ['authorization_code', 'refresh_token'];

export interface ClientInput {
  name: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  /** A public client (browser or native app) has no secret and must use PKCE. */
  public?: boolean;
  first_party?: boolean;
  grant_types?: string[];
  id_token_signed_response_alg?: 'RS256' | 'EdDSA';
}

export type ClientUpdate = Partial<Omit<ClientInput, 'public'>>;

export interface ClientView {
  client_id: string;
  name: string;
  public: boolean;
  first_party: boolean;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  grant_types: string[];
  id_token_signed_response_alg: string;
  created_at: string;
  updated_at: string;
}

/** Checks metadata the way the provider will when the client is used (throws its message). */
export type ValidateMetadata = (metadata: Record<string, unknown>) => Promise<void>;

export function toClientView(row: OidcClientRow): ClientView {
  const m = row.metadata as Record<string, unknown>;
  return {
    client_id: row.client_id,
    name: row.name,
    public: row.secret_hash === null,
    first_party: row.first_party,
    redirect_uris: (m.redirect_uris as string[]) ?? [],
    post_logout_redirect_uris: (m.post_logout_redirect_uris as string[]) ?? [],
    grant_types: (m.grant_types as string[]) ?? [],
    id_token_signed_response_alg: (m.id_token_signed_response_alg as string) ?? 'RS256',
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function metadataOf(input: ClientInput, isPublic: boolean): Record<string, unknown> {
  return {
    redirect_uris: input.redirect_uris,
    post_logout_redirect_uris: input.post_logout_redirect_uris ?? [],
    grant_types: input.grant_types ?? (isPublic ? PUBLIC_GRANT_TYPES : CONFIDENTIAL_GRANT_TYPES),
    response_types: ['code'],
    token_endpoint_auth_method: isPublic ? 'none' : 'client_secret_basic',
    id_token_signed_response_alg: input.id_token_signed_response_alg ?? 'RS256',
    [FIRST_PARTY]: input.first_party ?? false,
  };
}

/** Registered OpenID clients: the admin API and the CLI both go through this. */
export function createClientService(deps: {
  db: Kysely<Database>;
  validate: ValidateMetadata;
  /** A client changed or is gone: every instance must stop using its cached copy. */
  onChanged?: (clientId: string) => Promise<void>;
}) {
  const changed = async (clientId: string) => deps.onChanged?.(clientId);
  const { db } = deps;

  async function validated(
    clientId: string,
    name: string,
    metadata: Record<string, unknown>,
    secretHash: string | null,
  ): Promise<void> {
    // client_credentials needs a secret: a public client cannot authenticate for it.
    const grants = metadata.grant_types as string[];
    if (secretHash === null && grants.includes('client_credentials'))
      throw new AppError('VALIDATION_FAILED', {
        errors: { grant_types: 'A public client cannot use client_credentials' },
      });
    try {
      await deps.validate({
        ...metadata,
        client_id: clientId,
        client_name: name,
        ...(secretHash ? { client_secret: secretHash } : {}),
      });
    } catch (err) {
      const description = (err as { error_description?: string }).error_description;
      throw new AppError('VALIDATION_FAILED', {
        errors: { metadata: description ?? 'Invalid client metadata' },
      });
    }
  }

  async function find(clientId: string): Promise<OidcClientRow> {
    const row = await db
      .selectFrom('oidc_clients')
      .selectAll()
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (!row) throw new AppError('CLIENT_NOT_FOUND');
    return row;
  }

  return {
    async list(): Promise<ClientView[]> {
      const rows = await db.selectFrom('oidc_clients').selectAll().orderBy('created_at').execute();
      return rows.map(toClientView);
    },

    async get(clientId: string): Promise<ClientView> {
      return toClientView(await find(clientId));
    },

    /** Creates a client; the secret is returned here once and only its hash is stored. */
    async create(input: ClientInput): Promise<ClientView & { client_secret?: string }> {
      const isPublic = input.public === true;
      const clientId = randomBytes(16).toString('base64url');
      const secret = isPublic ? undefined : randomBytes(32).toString('base64url');
      const secretHash = secret ? hashClientSecret(secret) : null;
      const metadata = metadataOf(input, isPublic);
      await validated(clientId, input.name, metadata, secretHash);
      const row = await db
        .insertInto('oidc_clients')
        .values({
          client_id: clientId,
          name: input.name,
          secret_hash: secretHash,
          first_party: input.first_party ?? false,
          metadata: JSON.stringify(metadata),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ...toClientView(row), ...(secret ? { client_secret: secret } : {}) };
    },

    async update(clientId: string, changes: ClientUpdate): Promise<ClientView> {
      const row = await find(clientId);
      const current = toClientView(row);
      const name = changes.name ?? row.name;
      const metadata = metadataOf(
        {
          name,
          redirect_uris: changes.redirect_uris ?? current.redirect_uris,
          post_logout_redirect_uris:
            changes.post_logout_redirect_uris ?? current.post_logout_redirect_uris,
          grant_types: changes.grant_types ?? current.grant_types,
          first_party: changes.first_party ?? current.first_party,
          id_token_signed_response_alg: (changes.id_token_signed_response_alg ??
            current.id_token_signed_response_alg) as ClientInput['id_token_signed_response_alg'],
        },
        current.public,
      );
      await validated(clientId, name, metadata, row.secret_hash);
      const updated = await db
        .updateTable('oidc_clients')
        .set({
          name,
          first_party: metadata[FIRST_PARTY] as boolean,
          metadata: JSON.stringify(metadata),
          updated_at: new Date(),
        })
        .where('client_id', '=', clientId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await changed(clientId);
      return toClientView(updated);
    },

    /** Deletes the client and everything issued to it (grants, codes, tokens). */
    async remove(clientId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('oidc_clients')
          .where('client_id', '=', clientId)
          .executeTakeFirst();
        if (deleted.numDeletedRows === 0n) throw new AppError('CLIENT_NOT_FOUND');
        await trx
          .deleteFrom('oidc_payloads')
          .where((eb) => eb(eb.ref('payload', '->>').key('clientId' as never), '=', clientId))
          .execute();
      });
      await changed(clientId);
    },
  };
}

export type ClientService = ReturnType<typeof createClientService>;

export { clientMetadata };
