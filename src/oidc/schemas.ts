import Type from 'typebox';

const Uri = Type.String({ minLength: 1, maxLength: 2000 });
const GrantType = Type.Union([
  Type.Literal('authorization_code'),
  Type.Literal('refresh_token'),
  Type.Literal('client_credentials'),
]);
const IdTokenAlg = Type.Union([Type.Literal('RS256'), Type.Literal('EdDSA')]);

export const ClientSchema = Type.Object(
  {
    client_id: Type.String(),
    name: Type.String(),
    public: Type.Boolean({ description: 'No secret; PKCE required' }),
    first_party: Type.Boolean({ description: 'Skips the consent screen' }),
    redirect_uris: Type.Array(Type.String()),
    post_logout_redirect_uris: Type.Array(Type.String()),
    grant_types: Type.Array(Type.String()),
    id_token_signed_response_alg: Type.String(),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'OidcClient' },
);

export const CreatedClientSchema = Type.Intersect([
  ClientSchema,
  Type.Object({
    client_secret: Type.Optional(
      Type.String({ description: 'Shown once, at creation; only its hash is stored' }),
    ),
  }),
]);

export const CreateClientBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  redirect_uris: Type.Array(Uri, { minItems: 1, maxItems: 20 }),
  post_logout_redirect_uris: Type.Optional(Type.Array(Uri, { maxItems: 20 })),
  public: Type.Optional(Type.Boolean()),
  first_party: Type.Optional(Type.Boolean()),
  grant_types: Type.Optional(Type.Array(GrantType, { minItems: 1, uniqueItems: true })),
  id_token_signed_response_alg: Type.Optional(IdTokenAlg),
});

export const UpdateClientBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  redirect_uris: Type.Optional(Type.Array(Uri, { minItems: 1, maxItems: 20 })),
  post_logout_redirect_uris: Type.Optional(Type.Array(Uri, { maxItems: 20 })),
  first_party: Type.Optional(Type.Boolean()),
  grant_types: Type.Optional(Type.Array(GrantType, { minItems: 1, uniqueItems: true })),
  id_token_signed_response_alg: Type.Optional(IdTokenAlg),
});

export const ClientIdParams = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
});
export const UidParams = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });
export const GrantIdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });

export const InteractionSchema = Type.Object({
  uid: Type.String(),
  prompt: Type.String({ description: '`login` or `consent`' }),
  reasons: Type.Array(Type.String()),
  fresh_login_required: Type.Boolean({
    description: 'The application asked for a new password entry (prompt=login or max_age)',
  }),
  client: Type.Object({
    client_id: Type.String(),
    name: Type.String(),
    first_party: Type.Boolean(),
  }),
  scopes: Type.Array(Type.String()),
});

export const RedirectSchema = Type.Object({
  redirect_to: Type.String({ description: 'Send the browser here to continue' }),
});

export const ConsentBody = Type.Object({ allow: Type.Boolean() });

export const ConnectedAppSchema = Type.Object({
  grant_id: Type.String(),
  client_id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  granted_at: Type.String({ format: 'date-time' }),
});
