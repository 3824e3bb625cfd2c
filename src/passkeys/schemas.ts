import Type, { type Static } from 'typebox';

const B64 = (maxLength: number, description?: string) =>
  Type.String({
    minLength: 1,
    maxLength,
    pattern: '^[A-Za-z0-9_-]+={0,2}$',
    ...(description && { description }),
  });

const Transport = Type.String({ minLength: 1, maxLength: 32 });
const Attachment = Type.Optional(
  Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]),
);
// Extension outputs are the browser's, not ours: kept small and never read.
const ExtensionResults = Type.Object({}, { additionalProperties: true, maxProperties: 16 });

/** What @simplewebauthn/browser's startRegistration() returns (RegistrationResponseJSON). */
export const RegistrationCredential = Type.Object(
  {
    id: B64(1024, 'Credential id, base64url'),
    rawId: B64(1024),
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        clientDataJSON: B64(16_384),
        attestationObject: B64(65_536),
        authenticatorData: Type.Optional(B64(65_536)),
        transports: Type.Optional(Type.Array(Transport, { maxItems: 10 })),
        publicKeyAlgorithm: Type.Optional(Type.Integer()),
        publicKey: Type.Optional(B64(16_384)),
      },
      { additionalProperties: false },
    ),
    authenticatorAttachment: Attachment,
    clientExtensionResults: ExtensionResults,
  },
  { additionalProperties: false },
);

/** What @simplewebauthn/browser's startAuthentication() returns (AuthenticationResponseJSON). */
export const AuthenticationCredential = Type.Object(
  {
    id: B64(1024, 'Credential id, base64url'),
    rawId: B64(1024),
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        clientDataJSON: B64(16_384),
        authenticatorData: B64(65_536),
        signature: B64(16_384),
        userHandle: Type.Optional(B64(1024)),
      },
      { additionalProperties: false },
    ),
    authenticatorAttachment: Attachment,
    clientExtensionResults: ExtensionResults,
  },
  { additionalProperties: false },
);

const PasskeyName = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'A name the person recognises, e.g. "Work laptop"',
});

export const RegisterVerifyBody = Type.Object(
  { name: PasskeyName, credential: RegistrationCredential },
  { additionalProperties: false },
);

export const LoginVerifyBody = Type.Object(
  {
    credential: AuthenticationCredential,
    transport: Type.Optional(
      Type.Literal('cookie', {
        description:
          'Keep the refresh token only in the HttpOnly cookie; it is left out of the body',
      }),
    ),
  },
  { additionalProperties: false },
);

const MfaToken = Type.String({
  minLength: 1,
  maxLength: 512,
  description: 'From POST /api/auth/login when it answered mfa_required',
});

export const MfaOptionsBody = Type.Object({ mfa_token: MfaToken }, { additionalProperties: false });

export const MfaVerifyBody = Type.Object(
  {
    mfa_token: MfaToken,
    credential: AuthenticationCredential,
    transport: Type.Optional(
      Type.Literal('cookie', {
        description:
          'Keep the refresh token only in the HttpOnly cookie; it is left out of the body',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ReauthVerifyBody = Type.Object(
  { credential: AuthenticationCredential },
  { additionalProperties: false },
);

export const RenameBody = Type.Object({ name: PasskeyName }, { additionalProperties: false });

export const DeletePasskeyBody = Type.Union([
  Type.Object(
    {
      current_password: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 1024,
          description: 'Not needed after a passkey re-authentication in the last 5 minutes',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

export const PasskeyIdParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,10}$', description: 'Passkey id (positive integer)' }),
});

export const PasskeySchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    created_at: Type.String({ format: 'date-time' }),
    last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    backed_up: Type.Boolean({ description: 'The passkey is synced to a provider (multi-device)' }),
    transports: Type.Array(Type.String()),
  },
  { $id: 'Passkey' },
);

const Descriptor = Type.Object({
  id: Type.String(),
  type: Type.String({ description: '"public-key"' }),
  transports: Type.Optional(Type.Array(Type.String())),
});

/** PublicKeyCredentialCreationOptionsJSON: pass it to startRegistration({ optionsJSON }). */
export const RegistrationOptionsSchema = Type.Object(
  {
    challenge: Type.String(),
    rp: Type.Object({ name: Type.String(), id: Type.Optional(Type.String()) }),
    user: Type.Object({ id: Type.String(), name: Type.String(), displayName: Type.String() }),
    pubKeyCredParams: Type.Array(Type.Object({ alg: Type.Integer(), type: Type.String() })),
    timeout: Type.Optional(Type.Integer()),
    excludeCredentials: Type.Optional(Type.Array(Descriptor)),
    authenticatorSelection: Type.Optional(
      Type.Object({
        authenticatorAttachment: Type.Optional(Type.String()),
        requireResidentKey: Type.Optional(Type.Boolean()),
        residentKey: Type.Optional(Type.String()),
        userVerification: Type.Optional(Type.String()),
      }),
    ),
    attestation: Type.Optional(Type.String()),
    hints: Type.Optional(Type.Array(Type.String())),
    extensions: Type.Optional(Type.Object({ credProps: Type.Optional(Type.Boolean()) })),
  },
  { description: 'Pass to @simplewebauthn/browser startRegistration({ optionsJSON })' },
);

/** PublicKeyCredentialRequestOptionsJSON: pass it to startAuthentication({ optionsJSON }). */
export const AuthenticationOptionsSchema = Type.Object(
  {
    challenge: Type.String(),
    rpId: Type.Optional(Type.String()),
    timeout: Type.Optional(Type.Integer()),
    allowCredentials: Type.Optional(Type.Array(Descriptor)),
    userVerification: Type.Optional(Type.String()),
  },
  { description: 'Pass to @simplewebauthn/browser startAuthentication({ optionsJSON })' },
);

export const ReauthResponse = Type.Object({
  expires_in: Type.Integer({
    description: 'Seconds during which this session may skip current_password',
  }),
});

export type RegistrationCredentialType = Static<typeof RegistrationCredential>;
export type AuthenticationCredentialType = Static<typeof AuthenticationCredential>;
