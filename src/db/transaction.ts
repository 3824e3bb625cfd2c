import type { Kysely, Transaction } from 'kysely';
import type { Database } from './types.js';

/** Work to do once the transaction committed: cache invalidations, waking a worker, metrics. */
export type AfterCommit = (work: () => void | Promise<void>) => void;

/**
 * Runs `work` in one transaction. What it queues with `afterCommit` runs once the commit returned,
 * in the order queued, and never after a rollback: other instances and workers then see the
 * committed rows, never a state that may still roll back. A failure of that work rejects the call
 * (the transaction stays committed).
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>, afterCommit: AfterCommit) => Promise<T>,
): Promise<T> {
  const queued: Array<() => void | Promise<void>> = [];
  const result = await db.transaction().execute((trx) => work(trx, (next) => queued.push(next)));
  for (const next of queued) await next();
  return result;
}
