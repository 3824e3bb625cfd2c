import type { AddressInfo } from 'node:net';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from './app.js';

/** The real app listening on a random port (browser and multi-client tests). */
export async function startServer(
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<{ url: string; databaseUrl: string; app: App; close(): Promise<void> }> {
  const testApp = await buildTestApp({ APP_URL: 'http://127.0.0.1', ...env });
  await testApp.app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const { port } = testApp.app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: testApp.databaseUrl,
    app: testApp.app,
    close: () => testApp.close(),
  };
}
