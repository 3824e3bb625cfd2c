import { PasswordHasher } from '../auth/passwords.js';
import { validateNewPassword } from '../auth/passwords.js';
import { validateEmail } from '../users/email.js';
import { AppError } from '../errors/app-error.js';
import { ensureAdmin } from '../ops/bootstrap.js';
import { LiveSessionCache } from '../sessions/live-session-cache.js';
import { createMemoryState } from '../state/memory.js';
import { createRedisState } from '../state/redis.js';
import * as users from '../users/repository.js';
import { parseCommandLine } from './command.js';
import { withContext } from './context.js';
import {
  CliFailure,
  UsageError,
  isInteractive,
  promptHidden,
  promptLine,
  readFirstLine,
  say,
  type CliIo,
} from './io.js';

/** A validation AppError as one sentence for the terminal. */
function explain(err: unknown): never {
  if (err instanceof AppError && err.errors) throw new CliFailure(Object.values(err.errors)[0]!);
  throw err;
}

async function readPassword(io: CliIo): Promise<string> {
  if (isInteractive(io)) {
    const password = await promptHidden(io, 'Password: ');
    try {
      validateNewPassword(password);
    } catch (err) {
      explain(err);
    }
    if ((await promptHidden(io, 'Repeat password: ')) !== password)
      throw new CliFailure('the passwords do not match');
    return password;
  }
  // Piped: the first line of stdin, so the password never appears in argv or the shell history.
  const password = await readFirstLine(io);
  if (!password) throw new CliFailure('no password on standard input');
  return password;
}

/** Runs `gatehouse create-admin` (usage in commands.ts). */
export async function runCreateAdmin(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { email: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  let emailInput = values.email;
  if (emailInput === undefined) {
    if (!isInteractive(io))
      throw new UsageError('--email is required when standard input is not a terminal');
    emailInput = await promptLine(io, 'Email: ');
  }
  let email: string;
  try {
    email = validateEmail(emailInput);
  } catch (err) {
    explain(err);
  }

  return withContext(io, async ({ config, db, logger }) => {
    const existing = await users.findUserByEmail(db, email);
    const password = existing ? '' : await readPassword(io);
    if (!existing) {
      try {
        validateNewPassword(password);
      } catch (err) {
        explain(err);
      }
    }
    const hasher = new PasswordHasher({
      cost: config.BCRYPT_COST,
      concurrency: 1,
      maxWaitMs: 60_000,
      nice: 0,
    });
    // Through Redis, running instances drop their cached copy of a promoted account at once.
    const state = config.REDIS_URL
      ? createRedisState(config.REDIS_URL, config.REDIS_KEY_PREFIX, logger)
      : createMemoryState();
    const cache = new LiveSessionCache(db, state);
    try {
      const outcome = await ensureAdmin({ db, hasher, cache }, email, password, logger, {
        promoteExisting: true,
      });
      const user = await users.findUserByEmail(db, email);
      const id = user ? ` (id ${user.id})` : '';
      if (outcome === 'created') say(io, `Created administrator ${email}${id}`);
      else if (outcome === 'promoted')
        say(io, `Promoted ${email}${id} to admin; the password is unchanged`);
      else say(io, `${email}${id} is already an admin; nothing changed`);
      return 0;
    } finally {
      cache.close();
      await hasher.close();
      await state.close();
    }
  });
}
