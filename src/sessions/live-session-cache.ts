import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/types.js';
import type { SharedState } from '../state/port.js';
import { findLiveSession } from './repository.js';
import type { UserRow } from '../db/types.js';

export type PublicUserRow = Omit<UserRow, 'password_hash'>;

/** What an authenticated request needs to know about its session, read from cache or database. */
export interface LiveSession {
  sessionId: number;
  userId: number;
  role: Role;
  user: PublicUserRow;
}

const CHANNEL = 'invalidate';
/** Safety net if an invalidation message were ever lost: entries are re-read at least this often. */
const ENTRY_TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  value: LiveSession | null;
  storedAtMs: number;
}

/**
 * Session liveness without a database round trip on the hot path.
 * Revocations and user changes publish an invalidation through shared state so every instance
 * drops its copy before the next request; while shared state is unhealthy the cache is bypassed.
 */
export class LiveSessionCache {
  private readonly entries = new Map<number, Entry>();
  /** Bumped by every invalidation, so a read that raced with one is not stored. */
  private generation = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly state: SharedState,
  ) {}

  async start(): Promise<void> {
    await this.state.subscribe(CHANNEL, (message) => this.applyInvalidation(message));
    // Messages published while we were disconnected are lost: forget everything.
    this.state.onReconnect(() => this.clear());
  }

  async get(sessionId: number): Promise<LiveSession | null> {
    const useCache = this.state.isHealthy();
    const hit = useCache ? this.entries.get(sessionId) : undefined;
    if (hit && Date.now() - hit.storedAtMs < ENTRY_TTL_MS) return hit.value;

    const generation = this.generation;
    const row = await findLiveSession(this.db, sessionId);
    const { password_hash: _secret, ...user } = row ?? ({} as UserRow & { session_id: number });
    const value: LiveSession | null = row
      ? { sessionId, userId: row.id, role: row.role, user: user as PublicUserRow }
      : null;
    if (useCache && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(sessionId, { value, storedAtMs: Date.now() });
    }
    return value;
  }

  /** The session ended: every instance forgets it. */
  async invalidateSession(sessionId: number): Promise<void> {
    await this.broadcast({ sessionId });
  }

  /** The user changed (role, profile, password, deletion): every instance re-reads their sessions. */
  async invalidateUser(userId: number): Promise<void> {
    await this.broadcast({ userId });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private async broadcast(message: { sessionId?: number; userId?: number }): Promise<void> {
    const text = JSON.stringify(message);
    this.applyInvalidation(text);
    try {
      await this.state.publish(CHANNEL, text);
    } catch {
      // Shared state is down: other instances bypass their caches while it is unhealthy.
    }
  }

  private applyInvalidation(text: string): void {
    let message: { sessionId?: number; userId?: number };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    this.generation++;
    if (typeof message.sessionId === 'number') this.entries.delete(message.sessionId);
    if (typeof message.userId === 'number') {
      for (const [sid, entry] of this.entries) {
        if (entry.value?.userId === message.userId) this.entries.delete(sid);
      }
    }
  }
}
