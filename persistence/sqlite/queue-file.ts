import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { QUEUE_MIGRATIONS } from './queue-migrations.js';
import { migrate } from './sqlite-migrator.js';

/** An operation to append to the queue. */
export interface AppendRow {
  readonly opId: string;
  readonly key: string;
  readonly body: string;
  readonly enqueuedAt: number;
}

/** A queued operation that failed an attempt and will be retried. */
export interface RetryRow {
  readonly seq: number;
  readonly attempts: number;
  readonly notBefore: number;
  readonly error: string;
}

/** A queued operation that is dead: moved to the dead letters. */
export interface DeadRowWrite {
  readonly seq: number;
  readonly opId: string;
  readonly key: string;
  readonly body: string;
  readonly error: string;
  readonly attempts: number;
  readonly enqueuedAt: number;
  readonly failedAt: number;
}

/** One write to the queue file. */
export type QueueWrite =
  | { readonly kind: 'append'; readonly rows: readonly AppendRow[] }
  | { readonly kind: 'settle'; readonly applied: readonly number[]; readonly retries: readonly RetryRow[]; readonly dead: readonly DeadRowWrite[] }
  | { readonly kind: 'replay'; readonly ids: readonly number[] | null; readonly at: number }
  | { readonly kind: 'drop'; readonly ids: readonly number[] | null };

/** What a {@link QueueWrite} returns: the seqs appended, or how many rows it moved. */
export type QueueWriteResult = { readonly seqs: readonly number[] } | { readonly count: number };

/** Opens (creating if needed) and migrates a queue file: WAL, busy timeout, FULL sync. */
export function openQueueFile(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db, QUEUE_MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Performs queue writes, several in one transaction. A group that appends is committed with
 * `synchronous = FULL` (fsynced before any enqueue is acknowledged); a group that only settles is
 * not fsynced on its own: lost in a crash, it only means idempotent operations are applied again.
 */
export class QueueFileWriter {
  private readonly insertOp: Statement;
  private readonly deleteOp: Statement<[number]>;
  private readonly retryOp: Statement<[number, number, string, number]>;
  private readonly insertDead: Statement;
  private readonly deadById: Statement<[number], { id: number; op_id: string; key: string; body: string }>;
  private readonly allDead: Statement<[], { id: number; op_id: string; key: string; body: string }>;
  private readonly deleteDead: Statement<[number]>;

  constructor(private readonly db: Database) {
    this.insertOp = db.prepare('INSERT INTO queue_ops (op_id, key, body, enqueued_at) VALUES (?, ?, ?, ?)');
    this.deleteOp = db.prepare('DELETE FROM queue_ops WHERE seq = ?');
    this.retryOp = db.prepare('UPDATE queue_ops SET attempts = ?, not_before = ?, last_error = ? WHERE seq = ?');
    this.insertDead = db.prepare('INSERT INTO dead_letters (op_id, key, body, error, attempts, enqueued_at, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.deadById = db.prepare('SELECT id, op_id, key, body FROM dead_letters WHERE id = ?');
    this.allDead = db.prepare('SELECT id, op_id, key, body FROM dead_letters ORDER BY id');
    this.deleteDead = db.prepare('DELETE FROM dead_letters WHERE id = ?');
  }

  /** Performs `writes` in order, in one transaction; all succeed or all fail. */
  run(writes: readonly QueueWrite[]): QueueWriteResult[] {
    const durable = writes.some((w) => w.kind === 'append' || w.kind === 'replay');
    this.db.pragma(durable ? 'synchronous = FULL' : 'synchronous = NORMAL');
    return this.db.transaction(() => writes.map((w) => this.one(w))).immediate();
  }

  private one(w: QueueWrite): QueueWriteResult {
    switch (w.kind) {
      case 'append':
        return { seqs: w.rows.map((r) => Number(this.insertOp.run(r.opId, r.key, r.body, r.enqueuedAt).lastInsertRowid)) };
      case 'settle':
        for (const seq of w.applied) this.deleteOp.run(seq);
        for (const r of w.retries) this.retryOp.run(r.attempts, r.notBefore, r.error, r.seq);
        for (const d of w.dead) {
          this.insertDead.run(d.opId, d.key, d.body, d.error, d.attempts, d.enqueuedAt, d.failedAt);
          this.deleteOp.run(d.seq);
        }
        return { count: w.applied.length + w.dead.length };
      case 'replay':
      case 'drop': {
        const rows = w.ids === null ? this.allDead.all() : w.ids.flatMap((id) => this.deadById.get(id) ?? []);
        for (const r of rows) {
          if (w.kind === 'replay') this.insertOp.run(r.op_id, r.key, r.body, w.at);
          this.deleteDead.run(r.id);
        }
        return { count: rows.length };
      }
    }
  }
}
