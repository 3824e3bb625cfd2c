import type { Kysely } from 'kysely';
import type { ActiveOrganization } from '../auth/access-tokens.js';
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
  /** The session's active organization, while the user is still a member of it. */
  organization: ActiveOrganization | null;
}

const CHANNEL = 'invalidate';
/** Safety net if an invalidation message were ever lost: entries are re-read at least this often. */
const ENTRY_TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;
/** A failed invalidation broadcast is retried after this delay, doubling… */
const RETRY_FIRST_MS = 100;
/** …up to this one. */
const RETRY_MAX_MS = 2000;
/** Memory bound on broadcasts waiting for a retry (the oldest are dropped first). */
const MAX_PENDING = 10_000;

interface Entry<T = LiveSession> {
  value: T | null;
  storedAtMs: number;
}

/** Names the kind of a record kept besides sessions (see `record`). */
export type RecordKind = 'oidc-client' | 'webhook-event-types';

/** What an invalidation broadcast says (one field set). */
interface Invalidation {
  sessionId?: number;
  userId?: number;
  record?: { kind: RecordKind; key: string };
}

/**
 * Session liveness without a database round trip on the hot path.
 * Revocations and user changes publish an invalidation through shared state so every instance
 * drops its copy before the next request; while shared state is unhealthy the cache is bypassed.
 */
export class LiveSessionCache {
  private readonly entries = new Map<number, Entry>();
  /** Other hot records (OpenID clients), by `kind:key`, under the same invalidation rules. */
  private readonly records = new Map<string, Entry<unknown>>();
  /** Bumped by every invalidation, so a read that raced with one is not stored. */
  private generation = 0;
  /** Broadcasts that failed to publish, each worth retrying until `untilMs`. */
  private pending: Array<{ text: string; untilMs: number }> = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = RETRY_FIRST_MS;
  private flushing = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly state: SharedState,
  ) {}

  async start(): Promise<void> {
    await this.state.subscribe(CHANNEL, (message) => this.applyInvalidation(message));
    // Messages published while we were disconnected are lost: forget everything. Ours that
    // failed to go out go out now.
    this.state.onReconnect(() => {
      this.clear();
      void this.flushPending();
    });
  }

  /** Stops retrying failed broadcasts (the app is closing). */
  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pending = [];
  }

  async get(sessionId: number): Promise<LiveSession | null> {
    const useCache = this.state.isHealthy();
    const hit = useCache ? this.entries.get(sessionId) : undefined;
    if (hit && Date.now() - hit.storedAtMs < ENTRY_TTL_MS) return hit.value;

    const generation = this.generation;
    const row = await findLiveSession(this.db, sessionId);
    const {
      password_hash: _secret,
      session_id: _session,
      org_id: orgId,
      org_role: orgRole,
      ...user
    } = row ?? ({} as NonNullable<typeof row>);
    const value: LiveSession | null = row
      ? {
          sessionId,
          userId: row.id,
          role: row.role,
          user: user as PublicUserRow,
          organization: orgId != null && orgRole != null ? { id: orgId, role: orgRole } : null,
        }
      : null;
    if (useCache && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(sessionId, { value, storedAtMs: Date.now() });
    }
    return value;
  }

  /**
   * A record read on hot paths (an OpenID client at every token or introspection request, the
   * event types webhook endpoints subscribe to at every event), kept
   * like sessions: re-read after ENTRY_TTL_MS, dropped on every instance by `invalidateRecord`,
   * bypassed while shared state is unhealthy. Only with Redis: these records also change from
   * the CLI, another process, which can only tell running instances through Redis.
   */
  async record<T>(kind: RecordKind, key: string, load: () => Promise<T | null>): Promise<T | null> {
    const id = `${kind}:${key}`;
    const useCache = this.state.kind === 'redis' && this.state.isHealthy();
    const hit = useCache ? this.records.get(id) : undefined;
    if (hit && Date.now() - hit.storedAtMs < ENTRY_TTL_MS) return hit.value as T | null;

    const generation = this.generation;
    const value = await load();
    if (useCache && generation === this.generation) {
      if (this.records.size >= MAX_ENTRIES) this.records.delete(this.records.keys().next().value!);
      this.records.set(id, { value, storedAtMs: Date.now() });
    }
    return value;
  }

  /** The record changed or is gone: every instance re-reads it. */
  async invalidateRecord(kind: RecordKind, key: string): Promise<void> {
    await this.broadcast({ record: { kind, key } });
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
    this.records.clear();
  }

  private async broadcast(message: Invalidation): Promise<void> {
    const text = JSON.stringify(message);
    this.applyInvalidation(text);
    try {
      await this.state.publish(CHANNEL, text);
    } catch {
      // Our link to shared state failed, but other instances may still be connected and trust
      // their caches: a revoked session would stay usable there until its entry expires. Retry in
      // the background for as long as that could happen (ENTRY_TTL_MS; then they re-read anyway).
      if (this.pending.length >= MAX_PENDING) this.pending.shift();
      this.pending.push({ text, untilMs: Date.now() + ENTRY_TTL_MS });
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.pending.length === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flushPending();
    }, this.retryDelayMs);
    this.retryTimer.unref();
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
  }

  /** Publishes waiting broadcasts in order; stops at the first failure and backs off. */
  private async flushPending(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const next = this.pending[0]!;
        if (next.untilMs > Date.now()) await this.state.publish(CHANNEL, next.text);
        this.pending.shift();
      }
      this.retryDelayMs = RETRY_FIRST_MS;
    } catch {
      this.scheduleRetry();
    } finally {
      this.flushing = false;
    }
  }

  private applyInvalidation(text: string): void {
    let message: Invalidation;
    try {
      message = JSON.parse(text) as Invalidation;
    } catch {
      return;
    }
    this.generation++;
    if (typeof message.sessionId === 'number') this.entries.delete(message.sessionId);
    const record = message.record;
    if (typeof record?.kind === 'string' && typeof record.key === 'string')
      this.records.delete(`${record.kind}:${record.key}`);
    if (typeof message.userId === 'number') {
      for (const [sid, entry] of this.entries) {
        if (entry.value?.userId === message.userId) this.entries.delete(sid);
      }
    }
  }
}
