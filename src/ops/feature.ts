import { KEY_RELOAD_INTERVAL_SECONDS } from '../auth/key-store.js';
import type { Feature } from '../http/types.js';
import { createCleanupScheduler, type CleanupSchedulerDeps } from './cleanup.js';
import { registerOpsRoutes, type OpsDeps } from './routes.js';

/** Health, metrics and JWKS routes; the cleanup schedule (on the job queue) and the signing-key reload. */
export function createOpsFeature(deps: OpsDeps & CleanupSchedulerDeps): Feature {
  const cleanup = createCleanupScheduler(deps);
  let keyReload: NodeJS.Timeout | undefined;
  return {
    routes: (app) => registerOpsRoutes(app, deps),
    start() {
      cleanup.start();
      // Another instance or the CLI may rotate the signing key: publish it within a minute (it
      // signs only KEY_ANNOUNCE_SECONDS after the rotation).
      keyReload = setInterval(
        () =>
          deps.keys
            .reload()
            .catch((err) =>
              deps.logger.warn({ err: { message: err.message } }, 'key reload failed'),
            ),
        KEY_RELOAD_INTERVAL_SECONDS * 1000,
      );
      keyReload.unref();
    },
    async stop() {
      clearInterval(keyReload);
      await cleanup.stop(); // a run in progress stops between batches
    },
  };
}
