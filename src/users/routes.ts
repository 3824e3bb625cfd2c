import type { Services } from '../services.js';
import { authOf } from '../http/authenticate.js';
import { Envelope, errorResponses, ok } from '../http/envelope.js';
import type { App } from '../http/types.js';
import { UserSchema } from './schemas.js';
import { toUserResponse } from './serializers.js';

export function registerUserRoutes(app: App, deps: Services): void {
  app.get(
    '/api/users/profile',
    {
      preHandler: deps.authenticate,
      schema: {
        tags: ['users'],
        summary: "The caller's user object",
        security: [{ bearerAuth: [] }],
        response: { 200: Envelope(UserSchema), ...errorResponses(401, 503) },
      },
    },
    // Served from the live-session cache: the user row is re-read whenever it changes.
    async (request) => ok('Profile', toUserResponse(authOf(request).session.user)),
  );
}
