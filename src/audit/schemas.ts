import Type from 'typebox';

export const AuditEventSchema = Type.Object(
  {
    id: Type.Integer(),
    type: Type.String({ examples: ['login.succeeded'] }),
    ip: Type.Union([Type.String(), Type.Null()]),
    user_agent: Type.Union([Type.String(), Type.Null()]),
    created_at: Type.String({ format: 'date-time' }),
    details: Type.Record(Type.String(), Type.Unknown()),
    actor_id: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Who acted when it was not the user themself (an admin); null otherwise',
    }),
  },
  { $id: 'AuditEvent' },
);

/** An event the user caused on another account, as an admin (data export). */
export const AuditActionSchema = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  user_id: Type.Union([Type.Integer(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  user_agent: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
});
