import Type, { type Static } from 'typebox';
import { LOCALES, type Locale } from '../i18n/locales.js';

const Timestamp = Type.String({ format: 'date-time', examples: ['2024-01-15T10:30:00Z'] });
// The user object is on the hottest path (GET /api/users/profile). fast-json-stringify picks an
// `anyOf` branch by running a validator per call; these plain forms serialise without one
// (`nullable` is OpenAPI 3.0's spelling of "or null").
const NullableTimestamp = Type.Unsafe<string | null>({
  type: 'string',
  format: 'date-time',
  nullable: true,
  examples: ['2024-01-15T10:30:00Z'],
});
const RoleName = Type.Unsafe<'user' | 'admin'>({ type: 'string', enum: ['user', 'admin'] });
/** The user's language, or null to follow the browser's Accept-Language. */
export const LocaleValue = Type.Unsafe<Locale | null>({
  type: 'string',
  enum: [...LOCALES, null],
  nullable: true,
  description: "The user's language (en, de, es, ar); null follows the browser's Accept-Language",
});

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    name: Type.String(),
    role: RoleName,
    email_verified: Type.Boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
    last_login_at: NullableTimestamp,
    locale: LocaleValue,
    mfa: Type.Optional(
      Type.Object(
        {
          totp: Type.Boolean({ description: 'Two-step verification with an authenticator app' }),
          passkeys: Type.Integer({ description: 'How many passkeys' }),
        },
        { description: "Admin views only: the user's second factors" },
      ),
    ),
  },
  { $id: 'User' },
);

export const UserIdParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,10}$', description: 'User id (positive integer)' }),
});

export const MAX_PAGE_SIZE = 100;
const Page = Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 });
const Limit = Type.Integer({
  minimum: 1,
  default: 20,
  description: `Page size; values above ${MAX_PAGE_SIZE} are treated as ${MAX_PAGE_SIZE}`,
});
const RoleValue = Type.Enum(['user', 'admin']);

export const ListUsersQuery = Type.Object(
  {
    page: Page,
    limit: Limit,
    search: Type.Optional(
      Type.String({ maxLength: 100, description: 'Case-insensitive substring of email or name' }),
    ),
    role: Type.Optional(RoleValue),
    sort: Type.Enum(['created_at', 'email', 'name', 'last_login_at'], { default: 'created_at' }),
    order: Type.Enum(['asc', 'desc'], { default: 'desc' }),
  },
  { additionalProperties: false },
);
export type ListUsersQueryType = Static<typeof ListUsersQuery>;

export const PageQuery = Type.Object({ page: Page, limit: Limit }, { additionalProperties: false });

export const UserListSchema = Type.Object({
  items: Type.Array(UserSchema),
  page: Type.Integer(),
  limit: Type.Integer(),
  total: Type.Integer(),
});

// Fields a client may not set (id, email_verified, timestamps, password_hash) are not declared:
// with additionalProperties false, the validator removes them (removeAdditional) before the handler.
export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    email: Type.Optional(Type.String({ minLength: 1, maxLength: 320, format: 'email-address' })),
    password: Type.Optional(
      Type.String({ minLength: 8, maxLength: 128, description: 'New password (8–128 characters)' }),
    ),
    current_password: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description: 'Required to change your own email or password',
      }),
    ),
    role: Type.Optional(RoleValue),
    locale: Type.Optional(LocaleValue),
  },
  { additionalProperties: false },
);
export type UpdateUserBodyType = Static<typeof UpdateUserBody>;

export const DeleteUserBody = Type.Union([
  Type.Object(
    {
      current_password: Type.Optional(
        Type.String({ minLength: 1, maxLength: 1024, description: 'Required to delete yourself' }),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);
