import { AppError } from '../errors/app-error.js';
import { createUserService, type UserServiceDeps } from '../users/service.js';
import { parseCommandLine, subcommand } from './command.js';
import { withContext } from './context.js';
import { CliFailure, UsageError, say, type CliIo } from './io.js';

// An operator export sees what an admin sees through GET /api/users/:id/export.
const OPERATOR = { userId: 0, sessionId: 0, role: 'admin' as const };

/** Runs `gatehouse users` (usage in commands.ts). */
export async function runUsers(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandLine(args, {});
  const [action, idText, ...rest] = positionals;
  subcommand(action === undefined ? [] : [action], ['export']);
  if (idText === undefined) throw new UsageError('expected a user id');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (!/^[1-9]\d{0,9}$/.test(idText))
    throw new UsageError(`user id must be a positive integer, got "${idText}"`);
  const id = Number(idText);
  return withContext(io, async ({ db }) => {
    // exportUser reads the database only; the other dependencies serve changes, not reads.
    const service = createUserService({ db } as UserServiceDeps);
    try {
      say(io, JSON.stringify(await service.exportUser(OPERATOR, id), null, 2));
    } catch (err) {
      if (err instanceof AppError && err.code === 'USER_NOT_FOUND')
        throw new CliFailure(`no user with id ${id}`);
      throw err;
    }
    return 0;
  });
}
