import Type from 'typebox';

const Timestamp = Type.String({ format: 'date-time', examples: ['2024-01-15T10:30:00Z'] });

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    name: Type.String(),
    role: Type.Union([Type.Literal('user'), Type.Literal('admin')]),
    email_verified: Type.Boolean(),
    created_at: Timestamp,
    updated_at: Timestamp,
    last_login_at: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'User' },
);

export const UserIdParams = Type.Object({
  id: Type.String({ pattern: '^[0-9]{1,10}$', description: 'User id (positive integer)' }),
});
