import { Value } from 'typebox/value';
import { SocialProviderInput } from '../config/schema.js';
import { AppError } from '../errors/app-error.js';
import { callbackUrlOf, providerSecretKey } from '../social/feature.js';
import { createProviderStore } from '../social/providers.js';
import { toProviderResponse } from '../social/serializers.js';
import { parseCommandLine } from './command.js';
import { withContext } from './context.js';
import {
  CliFailure,
  UsageError,
  isInteractive,
  promptHidden,
  readFirstLine,
  say,
  type CliIo,
} from './io.js';

function failure(err: unknown): never {
  if (err instanceof AppError) {
    const fields = err.errors ? Object.entries(err.errors).map(([k, v]) => `${k}: ${v}`) : [];
    throw new CliFailure([err.message, ...fields].join('\n'));
  }
  throw err;
}

/** Runs `gatehouse providers` (usage in commands.ts). */
export async function runProviders(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    preset: { type: 'string' },
    name: { type: 'string' },
    'client-id': { type: 'string' },
    'no-secret': { type: 'boolean' },
    issuer: { type: 'string' },
    tenant: { type: 'string' },
    scopes: { type: 'string' },
    'store-tokens': { type: 'boolean' },
    'authorization-endpoint': { type: 'string' },
    'token-endpoint': { type: 'string' },
    'userinfo-endpoint': { type: 'string' },
    'api-endpoint': { type: 'string' },
    json: { type: 'boolean' },
  });
  const [action, id, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (action !== 'add' && action !== 'list' && action !== 'remove')
    throw new UsageError(
      action ? `unknown subcommand "${action}"` : 'expected add, list or remove',
    );
  if (action !== 'list' && !id) throw new UsageError('expected a provider id');
  let input: SocialProviderInput | undefined;
  if (action === 'add') {
    if (!values.preset)
      throw new UsageError('--preset is required (oidc, google, microsoft, github)');
    if (!values['client-id']) throw new UsageError('--client-id is required');
    const endpoints = Object.fromEntries(
      (['authorization', 'token', 'userinfo', 'api'] as const)
        .map((name) => [name, values[`${name}-endpoint`]] as const)
        .filter(([, url]) => url !== undefined),
    );
    input = {
      id: id!,
      preset: values.preset as SocialProviderInput['preset'],
      client_id: values['client-id'],
      ...(values.name ? { name: values.name } : {}),
      ...(values.issuer ? { issuer: values.issuer } : {}),
      ...(values.tenant ? { tenant: values.tenant } : {}),
      ...(values.scopes ? { scopes: values.scopes } : {}),
      ...(values['store-tokens'] ? { store_tokens: true } : {}),
      ...(Object.keys(endpoints).length > 0 ? { endpoints } : {}),
    };
    const error = Value.Errors(SocialProviderInput, input)[0];
    if (error)
      throw new UsageError(`${error.instancePath.replace(/^\//, '') || 'input'}: ${error.message}`);
    if (!values['no-secret']) {
      // Never from argv (process lists, shell history): asked, or the first line of stdin.
      const secret = isInteractive(io)
        ? await promptHidden(io, 'Client secret: ')
        : await readFirstLine(io);
      if (!secret)
        throw new UsageError('the client secret is read from standard input (or use --no-secret)');
      input.client_secret = secret;
    }
  }
  return withContext(io, async (ctx) => {
    const { config, db } = ctx;
    const store = createProviderStore({
      db,
      envProviders: config.socialProviders,
      allowHttp: config.SOCIAL_ALLOW_HTTP,
      secretKey: providerSecretKey(Buffer.from(config.KEY_ENCRYPTION_KEY, 'base64')),
    });
    const callbackUrl = callbackUrlOf(config.APP_URL);
    if (action === 'add') {
      const provider = await store.addProvider(input!).catch(failure);
      const shown = toProviderResponse(provider, callbackUrl(provider.id));
      if (values.json) say(io, JSON.stringify(shown));
      else {
        say(io, `Provider ${provider.id} added: "Continue with ${provider.displayName}".`);
        say(io, `Register this callback URL at the provider: ${shown.callback_url}`);
      }
      return 0;
    }
    if (action === 'remove') {
      await store.removeProvider(id!).catch(failure);
      say(io, `Provider ${id} removed; accounts linked to it stay linked until unlinked.`);
      return 0;
    }
    const list = (await store.listProviders()).map((p) => toProviderResponse(p, callbackUrl(p.id)));
    if (values.json) say(io, JSON.stringify(list, null, 2));
    else if (list.length === 0) say(io, 'No sign-in providers.');
    else
      for (const p of list)
        say(
          io,
          `${p.id}  ${p.preset}  ${p.source === 'env' ? 'env  ' : 'added'}  ${p.name}  ${p.callback_url}`,
        );
    return 0;
  });
}
