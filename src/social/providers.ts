import type { Kysely } from 'kysely';
import type { SocialProviderInput } from '../config/schema.js';
import type { Database, SocialProviderRow } from '../db/types.js';
import { seal, unseal } from '../email/sealed.js';
import { AppError } from '../errors/app-error.js';
import { displayNameOf, PRESETS, providerProblems } from './presets.js';
import * as repo from './repository.js';
import type { Provider } from './upstream.js';

export interface ProviderStoreDeps {
  db: Kysely<Database>;
  /** SOCIAL_PROVIDERS (read-only here). */
  envProviders: readonly SocialProviderInput[];
  allowHttp: boolean;
  /** Seals client secrets (providers added at run time). */
  secretKey: Buffer;
}

/** The configured providers: SOCIAL_PROVIDERS, plus those added by the CLI or admin API. */
export function createProviderStore(deps: ProviderStoreDeps) {
  const { db } = deps;

  const fromEnv = (input: SocialProviderInput): Provider => ({
    id: input.id,
    preset: input.preset,
    displayName: displayNameOf(input),
    source: 'env',
    clientId: input.client_id,
    clientSecret: input.client_secret ?? null,
    issuer: input.issuer ?? PRESETS[input.preset].issuer?.(input) ?? null,
    scopes: input.scopes ?? PRESETS[input.preset].scopes,
    storeTokens: input.store_tokens ?? false,
    endpoints: input.endpoints ?? {},
  });
  const fromRow = (row: SocialProviderRow): Provider => ({
    id: row.id,
    preset: row.preset as Provider['preset'],
    displayName: row.display_name,
    source: 'admin',
    clientId: row.client_id,
    clientSecret: row.client_secret_sealed
      ? unseal(row.client_secret_sealed, deps.secretKey)
      : null,
    issuer: row.issuer,
    scopes: row.scopes ?? PRESETS[row.preset as Provider['preset']].scopes,
    storeTokens: row.store_tokens,
    endpoints: row.endpoints,
  });

  /** Every configured provider: SOCIAL_PROVIDERS first, then those added at run time. */
  async function listProviders(): Promise<Provider[]> {
    const env = deps.envProviders.map(fromEnv);
    const taken = new Set(env.map((p) => p.id));
    const added = (await repo.listProviders(db)).filter((row) => !taken.has(row.id)).map(fromRow);
    return [...env, ...added];
  }

  async function providerOf(id: string): Promise<Provider | undefined> {
    const env = deps.envProviders.find((p) => p.id === id);
    if (env) return fromEnv(env);
    const row = await repo.findProvider(db, id);
    return row ? fromRow(row) : undefined;
  }

  async function addProvider(input: SocialProviderInput): Promise<Provider> {
    const problems = providerProblems(input, deps.allowHttp);
    if (Object.keys(problems).length > 0)
      throw new AppError('VALIDATION_FAILED', { errors: problems });
    if (deps.envProviders.some((p) => p.id === input.id)) throw new AppError('PROVIDER_EXISTS');
    const resolved = fromEnv(input);
    const row = await repo.insertProvider(db, {
      id: input.id,
      preset: input.preset,
      display_name: resolved.displayName,
      issuer: resolved.issuer,
      client_id: input.client_id,
      client_secret_sealed: input.client_secret ? seal(input.client_secret, deps.secretKey) : null,
      scopes: input.scopes ?? null,
      store_tokens: input.store_tokens ?? false,
      endpoints: input.endpoints ?? {},
    });
    if (!row) throw new AppError('PROVIDER_EXISTS');
    return fromRow(row);
  }

  /** Removes a provider added at run time; its linked identities stay (and can be unlinked). */
  async function removeProvider(id: string): Promise<void> {
    if (deps.envProviders.some((p) => p.id === id)) throw new AppError('PROVIDER_FROM_ENV');
    if (!(await repo.deleteProvider(db, id))) throw new AppError('PROVIDER_NOT_FOUND');
  }

  return { listProviders, providerOf, addProvider, removeProvider };
}

export type ProviderStore = ReturnType<typeof createProviderStore>;
