import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from '../../../src/http/types';
import { startServer } from '../../../test/helpers/server';

export const ADMIN = {
  email: 'admin@gatehouse.test',
  password: 'admin passphrase for e2e',
  name: 'Admin',
};

export interface E2EServer {
  url: string;
  outbox: string;
  /** The app itself, for driving API flows in-process (e.g. test/oidc/support.ts `authorize`). */
  app: App;
  close(): Promise<void>;
}

/** The real app on a fresh database, serving web/dist, with mail written to a temp outbox. */
export async function startE2EServer(
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<E2EServer> {
  const outbox = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-e2e-mail-'));
  const server = await startServer(
    {
      MAIL_OUTBOX_DIR: outbox,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    options,
  );
  return { url: server.url, outbox, app: server.app, close: () => server.close() };
}

let counter = 0;
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}.${Date.now().toString(36)}@example.com`;
}
