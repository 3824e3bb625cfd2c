import Type from 'typebox';

export const SessionSchema = Type.Object(
  {
    id: Type.Integer(),
    created_at: Type.String({ format: 'date-time' }),
    last_used_at: Type.String({ format: 'date-time' }),
    ip: Type.Union([Type.String(), Type.Null()]),
    user_agent: Type.Union([Type.String(), Type.Null()]),
    current: Type.Boolean({
      description: 'The session of the access token that made this request',
    }),
  },
  { $id: 'Session' },
);

export const SessionIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) });
