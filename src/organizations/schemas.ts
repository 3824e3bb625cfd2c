import Type, { type Static } from 'typebox';
import { UserSchema } from '../users/schemas.js';

const Timestamp = Type.String({ format: 'date-time', examples: ['2024-01-15T10:30:00Z'] });
export const ORG_ROLES = ['owner', 'admin', 'member'] as const;
const OrgRoleValue = Type.Enum([...ORG_ROLES], {
  description: 'owner: everything; admin: manages members and invitations; member: reads',
});
const OrgName = Type.String({ minLength: 1, maxLength: 100 });

export const OrganizationSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    role: OrgRoleValue,
    member_count: Type.Integer(),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Organization', description: 'An organization, as seen by one of its members' },
);

export const AdminOrganizationSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    member_count: Type.Integer(),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'AdminOrganization' },
);

export const MemberSchema = Type.Object(
  {
    user_id: Type.Integer(),
    name: Type.String(),
    email: Type.String(),
    role: OrgRoleValue,
    joined_at: Timestamp,
  },
  { $id: 'OrganizationMember' },
);

export const InvitationSchema = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    role: OrgRoleValue,
    created_at: Timestamp,
    expires_at: Timestamp,
  },
  { $id: 'OrganizationInvitation' },
);

export const InvitationPreviewSchema = Type.Object({
  organization: Type.Object({ id: Type.Integer(), name: Type.String() }),
  email: Type.String({ description: 'The address invited: accept while signed in with it' }),
  role: OrgRoleValue,
  expires_at: Timestamp,
});

export const OrganizationIdParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,10}$', description: 'Organization id (positive integer)' }),
});
export const MemberParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,10}$', description: 'Organization id' }),
  userId: Type.String({ pattern: '^[0-9]{1,10}$', description: 'User id of the member' }),
});
export const InvitationParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,10}$', description: 'Organization id' }),
  invId: Type.String({ pattern: '^[0-9]{1,15}$', description: 'Invitation id' }),
});

export const CreateOrganizationBody = Type.Object(
  { name: OrgName },
  { additionalProperties: false },
);
export const RenameOrganizationBody = Type.Object(
  { name: OrgName },
  { additionalProperties: false },
);
export const MemberRoleBody = Type.Object({ role: OrgRoleValue }, { additionalProperties: false });
export const InviteBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320, format: 'email-address' }),
    role: Type.Optional(OrgRoleValue),
  },
  { additionalProperties: false },
);
export type InviteBodyType = Static<typeof InviteBody>;
export const InvitationTokenBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const ActiveOrganizationBody = Type.Object(
  {
    organization_id: Type.Union(
      [Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()],
      {
        description: 'The organization to act in, or null for none',
      },
    ),
  },
  { additionalProperties: false },
);

export const MAX_PAGE_SIZE = 100;
export const AdminOrganizationsQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    limit: Type.Integer({
      minimum: 1,
      default: 20,
      description: `Page size; values above ${MAX_PAGE_SIZE} are treated as ${MAX_PAGE_SIZE}`,
    }),
    search: Type.Optional(
      Type.String({ maxLength: 100, description: 'Case-insensitive substring of the name' }),
    ),
  },
  { additionalProperties: false },
);
export type AdminOrganizationsQueryType = Static<typeof AdminOrganizationsQuery>;

export const AdminOrganizationListSchema = Type.Object({
  items: Type.Array(AdminOrganizationSchema),
  page: Type.Integer(),
  limit: Type.Integer(),
  total: Type.Integer(),
});

export const SessionOrganizationResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Seconds until the access token expires' }),
  user: UserSchema,
  organization: Type.Union([OrganizationSchema, Type.Null()], {
    description: 'The active organization now carried by the token (org_id, org_role), or null',
  }),
});
