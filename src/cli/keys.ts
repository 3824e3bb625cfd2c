import {
  JWKS_MAX_AGE_SECONDS,
  KEY_ANNOUNCE_SECONDS,
  KEY_RELOAD_INTERVAL_SECONDS,
  decryptPrivateKey,
  keyVerifyWindowSeconds,
  rotateSigningKey,
} from '../auth/key-store.js';
import { parseCommandLine, subcommand } from './command.js';
import { withContext, type CliContext } from './context.js';
import { CliFailure, say, type CliIo } from './io.js';

function kekOf(ctx: CliContext): Buffer {
  return Buffer.from(ctx.config.KEY_ENCRYPTION_KEY, 'base64');
}

/**
 * A key encrypted under another KEY_ENCRYPTION_KEY would stop every instance from loading its
 * keys; the current key must decrypt with ours before a new one is written.
 */
async function assertSameKek(ctx: CliContext): Promise<void> {
  const active = await ctx.db
    .selectFrom('signing_keys')
    .select(['kid', 'private_key_enc'])
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!active) return;
  try {
    decryptPrivateKey(active.private_key_enc, kekOf(ctx));
  } catch {
    throw new CliFailure(
      `KEY_ENCRYPTION_KEY does not decrypt the current signing key ${active.kid}: ` +
        'use the same KEY_ENCRYPTION_KEY as the running service',
    );
  }
}

async function rotate(ctx: CliContext, io: CliIo): Promise<number> {
  await assertSameKek(ctx);
  const { kid, activatesAt } = await rotateSigningKey(ctx.db, kekOf(ctx));
  const window = keyVerifyWindowSeconds(ctx.config.ACCESS_TOKEN_TTL_SECONDS);
  say(io, `New signing key ${kid} is published and signs from ${activatesAt.toISOString()}.`);
  for (const line of [
    `Instances list it in /.well-known/jwks.json within ${KEY_RELOAD_INTERVAL_SECONDS} s but sign with it`,
    `only after ${KEY_ANNOUNCE_SECONDS} s, so services that cache the key set (max-age ${JWKS_MAX_AGE_SECONDS} s)`,
    'have it before any token carries it. The previous key signs until then; its tokens keep',
    `verifying ${window} s longer, then it leaves the JWKS and cleanup deletes it.`,
  ])
    say(io, line);
  return 0;
}

async function list(ctx: CliContext, io: CliIo, json: boolean): Promise<number> {
  const window = keyVerifyWindowSeconds(ctx.config.ACCESS_TOKEN_TTL_SECONDS);
  const rows = await ctx.db
    .selectFrom('signing_keys')
    .select(['kid', 'alg', 'created_at', 'activates_at', 'retired_at'])
    .orderBy('created_at', 'desc')
    .execute();
  const now = Date.now();
  const keys = rows.map((row) => {
    const verifiesUntil = row.retired_at
      ? new Date(row.retired_at.getTime() + window * 1000)
      : null;
    const state =
      row.activates_at.getTime() > now
        ? 'pending'
        : row.retired_at === null || row.retired_at.getTime() > now
          ? 'active'
          : verifiesUntil!.getTime() > now
            ? 'verifying'
            : 'expired';
    return {
      kid: row.kid,
      alg: row.alg,
      state,
      created_at: row.created_at.toISOString(),
      activates_at: row.activates_at.toISOString(),
      retired_at: row.retired_at?.toISOString() ?? null,
      verifies_until: verifiesUntil?.toISOString() ?? null,
    };
  });
  if (json) {
    say(io, JSON.stringify(keys, null, 2));
    return 0;
  }
  if (keys.length === 0) say(io, 'No signing keys yet (the service creates one on first start).');
  for (const k of keys) {
    const until =
      k.state === 'pending'
        ? `  signs from ${k.activates_at}`
        : k.verifies_until
          ? `  verifies until ${k.verifies_until}`
          : '';
    say(io, `${k.kid}  ${k.alg}  ${k.state.padEnd(9)}  created ${k.created_at}${until}`);
  }
  return 0;
}

/** Runs `gatehouse keys` (usage in commands.ts). */
export async function runKeys(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { json: { type: 'boolean' } });
  const action = subcommand(positionals, ['rotate', 'list']);
  return withContext(io, (ctx) =>
    action === 'rotate' ? rotate(ctx, io) : list(ctx, io, values.json === true),
  );
}
