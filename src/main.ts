import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/index.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { createServiceLogger } from './http/logging.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`gatehouse: configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createServiceLogger(config.LOG_LEVEL);
  if (config.generatedSecrets.length > 0) {
    logger.warn(
      { secrets: config.generatedSecrets, dataDir: config.dataDir },
      'using generated development secrets (refused in production)',
    );
  }
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: reason }, 'unhandled promise rejection'),
  );

  let embedded: EmbeddedDatabase | null = null;
  if (!config.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.EMBEDDED_DB_PORT, logger);
    config = Object.freeze({ ...config, DATABASE_URL: embedded.url });
  }

  const app = await buildApp(config, { logger });
  app.server.headersTimeout = 10_000; // slow-header (slowloris) clients are cut off
  await app.listen({ host: config.HOST, port: config.PORT });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.draining = true; // readiness answers 503 from now on
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('shutdown timeout reached; closing remaining connections');
      app.server.closeAllConnections();
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    force.unref();
    // Connections that finish their last request while we drain would otherwise idle until keepAliveTimeout.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    sweep.unref();
    try {
      await app.close(); // stops accepting, finishes in-flight requests, closes idle keep-alive sockets
      clearInterval(sweep);
      await embedded?.stop();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('gatehouse: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
