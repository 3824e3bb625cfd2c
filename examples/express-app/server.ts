// Starts the example app beside a running Gatehouse: `npm run example` (see README.md).
import { execFileSync } from 'node:child_process';
import { clientRegistrationArgs, createExampleApp } from './app.js';

const issuer = (process.env.GATEHOUSE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const port = Number(process.env.PORT ?? 4000);
const appUrl = process.env.EXAMPLE_URL ?? `http://localhost:${port}`;

/** The client id and secret: from the environment, or registered now with Gatehouse's CLI. */
function clientCredentials(): { clientId: string; clientSecret: string } {
  if (process.env.CLIENT_ID && process.env.CLIENT_SECRET)
    return { clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET };
  const output = execFileSync(
    'npm',
    ['run', '--silent', 'gatehouse', '--', ...clientRegistrationArgs(appUrl)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const created = JSON.parse(output) as { client_id: string; client_secret: string };
  console.log(
    `Registered client ${created.client_id}; set CLIENT_ID and CLIENT_SECRET to reuse it.`,
  );
  return { clientId: created.client_id, clientSecret: created.client_secret };
}

const app = await createExampleApp({
  issuer,
  appUrl,
  audience: process.env.API_AUDIENCE ?? 'gatehouse',
  ...clientCredentials(),
});
app.listen(port, () => console.log(`Example app on ${appUrl} (Gatehouse at ${issuer})`));
