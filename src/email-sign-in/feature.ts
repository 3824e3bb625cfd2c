import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Logger } from 'pino';
import type { Feature } from '../http/types.js';
import { registerEmailSignInRoutes } from './routes.js';
import { createEmailSignInService, type EmailSignInServiceDeps } from './service.js';

export interface EmailSignInFeatureDeps extends EmailSignInServiceDeps {
  logger: Logger;
  guard?: preHandlerAsyncHookHandler | undefined;
  appUrl: string;
  refreshTokenTtlSeconds: number;
}

/** Sign-in by a mailed link or 6-digit code (and, with EMAIL_SIGN_UP, sign-up the same way). */
export function createEmailSignInFeature(deps: EmailSignInFeatureDeps): Feature {
  const service = createEmailSignInService(deps);
  const inFlight = new Set<Promise<void>>();
  const background = (work: () => Promise<void>) => {
    const task = work()
      .catch((err: Error) =>
        deps.logger.error({ err: { message: err.message } }, 'email sign-in request failed'),
      )
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  return {
    routes: (app) =>
      registerEmailSignInRoutes(app, {
        service,
        guard: deps.guard,
        appUrl: deps.appUrl,
        refreshTokenTtlSeconds: deps.refreshTokenTtlSeconds,
        background,
      }),
    async stop() {
      // Finish requests already answered; their mail stays queued in the outbox.
      await Promise.allSettled([...inFlight]);
    },
  };
}
