import type { Migration } from 'kysely';
import * as initial from './2026-11-28T0600_initial.js';

/** Every migration, in order. Add new ones at the end; never edit a released one. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T0600_initial': initial,
};
