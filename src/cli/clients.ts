import { KeyStore, keyVerifyWindowSeconds } from '../auth/key-store.js';
import { AppError } from '../errors/app-error.js';
import { createClientService } from '../oidc/clients.js';
import { createOidcProvider } from '../oidc/provider.js';
import { parseCommandLine } from './command.js';
import { withContext, type CliContext } from './context.js';
import { broadcastInvalidation } from './invalidate.js';
import { CliFailure, UsageError, say, type CliIo } from './io.js';

/** The same client service as the admin API, validating metadata with the same provider. */
async function clientService(ctx: CliContext) {
  const { config, db } = ctx;
  const keys = new KeyStore(
    db,
    Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64'),
    keyVerifyWindowSeconds(config.ACCESS_TOKEN_TTL_SECONDS),
  );
  await keys.reload();
  const provider = createOidcProvider({
    db,
    keys,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
  });
  return createClientService({ db, validate: (m) => provider.Client.validate(m as never) });
}

function failure(err: unknown): never {
  if (err instanceof AppError) {
    const details = err.errors ? `: ${Object.values(err.errors).join('; ')}` : '';
    throw new CliFailure(`${err.message}${details}`);
  }
  throw err;
}

/** Runs `gatehouse clients` (usage in commands.ts). */
export async function runClients(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    name: { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    public: { type: 'boolean' },
    'first-party': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const [action, id, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (action === 'create') {
    if (!values.name) throw new UsageError('--name is required');
    if (!values['redirect-uri']?.length) throw new UsageError('--redirect-uri is required');
  } else if (action === 'delete') {
    if (!id) throw new UsageError('expected a client id');
  } else if (action !== 'list') {
    throw new UsageError(
      action ? `unknown subcommand "${action}"` : 'expected create, list or delete',
    );
  }
  return withContext(io, async (ctx) => {
    const clients = await clientService(ctx);
    if (action === 'create') {
      const created = await clients
        .create({
          name: values.name!,
          redirect_uris: values['redirect-uri']!,
          public: values.public === true,
          first_party: values['first-party'] === true,
        })
        .catch(failure);
      const output = {
        client_id: created.client_id,
        ...(created.client_secret ? { client_secret: created.client_secret } : {}),
      };
      if (values.json) say(io, JSON.stringify(output));
      else {
        say(io, `Client ${created.client_id} created.`);
        if (created.client_secret)
          say(io, `Secret (shown once, store it now): ${created.client_secret}`);
      }
      return 0;
    }
    if (action === 'delete') {
      await clients.remove(id!).catch(failure);
      await broadcastInvalidation(ctx, 'oidc-client', id!);
      say(io, `Client ${id} deleted, with every grant and token issued to it.`);
      return 0;
    }
    const list = await clients.list();
    if (values.json) say(io, JSON.stringify(list, null, 2));
    else if (list.length === 0) say(io, 'No clients registered.');
    else
      for (const c of list)
        say(io, `${c.client_id}  ${c.public ? 'public      ' : 'confidential'}  ${c.name}`);
    return 0;
  });
}
