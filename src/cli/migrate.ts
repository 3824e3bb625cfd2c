import type { MigrationResult } from 'kysely';
import { createMigrator } from '../db/migrator.js';
import { parseCommandLine, subcommand } from './command.js';
import { withContext } from './context.js';
import { CliFailure, UsageError, say, type CliIo } from './io.js';

function report(io: CliIo, results: MigrationResult[] | undefined, verb: string): void {
  for (const r of results ?? []) {
    if (r.status === 'Success') say(io, `${verb} ${r.migrationName}`);
    else if (r.status === 'Error') say(io, `Failed ${r.migrationName}`);
    else say(io, `Not run ${r.migrationName} (an earlier migration failed)`);
  }
}

function failure(error: unknown): CliFailure {
  return new CliFailure(
    `migration failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** Runs `gatehouse migrate` (usage in commands.ts). */
export async function runMigrate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { yes: { type: 'boolean' } });
  const action = subcommand(positionals, ['up', 'down', 'status']);
  return withContext(io, async ({ db, config }) => {
    if (action === 'down' && config.NODE_ENV === 'production' && !values.yes)
      throw new UsageError('migrate down in production drops data: add --yes to confirm');
    const migrator = createMigrator(db);
    if (action === 'status') {
      const all = await migrator.getMigrations();
      for (const m of all) {
        const when = m.executedAt ? `applied ${m.executedAt.toISOString()}` : 'pending';
        say(io, `${m.executedAt ? '[x]' : '[ ]'} ${m.name}  ${when}`);
      }
      const pending = all.filter((m) => !m.executedAt).length;
      say(io, `${all.length - pending} applied, ${pending} pending`);
      return 0;
    }
    const { error, results } =
      action === 'up' ? await migrator.migrateToLatest() : await migrator.migrateDown();
    report(io, results, action === 'up' ? 'Applied' : 'Reverted');
    if (error) throw failure(error);
    if (!results?.length) say(io, action === 'up' ? 'Database is up to date' : 'Nothing to revert');
    return 0;
  });
}
