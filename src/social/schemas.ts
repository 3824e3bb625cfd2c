import Type from 'typebox';
import { Transport } from '../auth/schemas.js';
import { ProviderId } from '../config/schema.js';

export { SocialProviderInput as AddProviderBody } from '../config/schema.js';

const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Unsafe<string | null>({
  type: 'string',
  format: 'date-time',
  nullable: true,
});
const NullableString = Type.Unsafe<string | null>({ type: 'string', nullable: true });

export const ProviderParams = Type.Object({ provider: ProviderId });
export const ProviderIdParams = Type.Object({ id: ProviderId });
export const IdentityIdParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,15}$', description: 'Linked identity id' }),
});

/** Root-relative only (the web app's rule): never another origin, `//host` or `/\host`. */
export const StartQuery = Type.Object({
  returnTo: Type.Optional(
    Type.String({
      maxLength: 2048,
      pattern: '^/(?![/\\\\])[^\\u0000-\\u001f\\u007f\\\\]*$',
      description: 'Where the web app goes after signing in: a root-relative path',
    }),
  ),
});

/** The provider's redirect: every parameter is checked by openid-client, not here. */
export const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
  },
  { additionalProperties: true },
);

export const ExchangeBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'The one-time code the callback put in the web app address',
    }),
    transport: Transport,
  },
  { additionalProperties: false },
);

export const PublicProviderSchema = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'Shown as "Continue with <name>"' }),
});

export const ProviderSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  preset: Type.String(),
  source: Type.Union([Type.Literal('env'), Type.Literal('admin')], {
    description: 'env = SOCIAL_PROVIDERS (read-only here); admin = added by the CLI or admin API',
  }),
  issuer: NullableString,
  client_id: Type.String(),
  scopes: Type.String(),
  store_tokens: Type.Boolean(),
  callback_url: Type.String({ description: 'The redirect URI to register at the provider' }),
});

export const IdentitySchema = Type.Object({
  id: Type.Integer(),
  provider: Type.String(),
  provider_name: Type.String(),
  email: NullableString,
  created_at: Timestamp,
  last_used_at: NullableTimestamp,
});

export const SignInMethodsSchema = Type.Object({
  password: Type.Boolean({ description: 'Whether the account has a password' }),
  passkeys: Type.Integer({ description: 'How many passkeys' }),
  identities: Type.Array(IdentitySchema),
  ways_in: Type.Integer({
    description: 'Password + passkeys + linked identities; the last one cannot be removed',
  }),
});
