import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { openDatabase } from './open-database.js';
import type { DeadLetter } from '../write-behind/write-queue.js';
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

/** A queued operation that is dead: it moves to the dead letters (which give it its own id). */
export type DeadRowWrite = Omit<DeadLetter, 'id'> & { readonly seq: number };

/** Opens (creating if needed) and migrates a queue file: WAL, busy timeout, FULL sync (every commit is fsynced). */
export function openQueueFile(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
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

/** A queued row as read back at start. */
export interface QueuedRow {
  readonly seq: number;
  readonly op_id: string;
  readonly key: string;
  readonly body: string;
  readonly enqueued_at: number;
  readonly attempts: number;
  readonly not_before: number;
}

/** A batch's outcome: applied operations leave the queue, failed ones wait or die. */
export interface SettleRows {
  readonly applied: readonly number[];
  readonly retries: readonly RetryRow[];
  readonly dead: readonly DeadRowWrite[];
}

/**
 * The writes to a queue file, each in one transaction, all with `synchronous = FULL`: one fsync
 * per transaction, and a commit is on disk before anything it holds is acknowledged.
 */
export class QueueFileWriter {
  private readonly insertOp: Statement;
  private readonly deleteOp: Statement<[number]>;
  private readonly retryOp: Statement<[number, number, string, number]>;
  private readonly insertDead: Statement;
  private readonly deadById: Statement<[number], { id: number; op_id: string; key: string; body: string }>;
  private readonly allDead: Statement<[], { id: number; op_id: string; key: string; body: string }>;
  private readonly deleteDead: Statement<[number]>;
  private readonly allQueued: Statement<[], QueuedRow>;
  private readonly deadPage: Statement<[number], DeadRow>;

  constructor(private readonly db: Database) {
    this.insertOp = db.prepare('INSERT INTO queue_ops (op_id, key, body, enqueued_at) VALUES (?, ?, ?, ?)');
    this.deleteOp = db.prepare('DELETE FROM queue_ops WHERE seq = ?');
    this.retryOp = db.prepare('UPDATE queue_ops SET attempts = ?, not_before = ?, last_error = ? WHERE seq = ?');
    this.insertDead = db.prepare('INSERT INTO dead_letters (op_id, key, body, error, attempts, enqueued_at, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.deadById = db.prepare('SELECT id, op_id, key, body FROM dead_letters WHERE id = ?');
    this.allDead = db.prepare('SELECT id, op_id, key, body FROM dead_letters ORDER BY id');
    this.deleteDead = db.prepare('DELETE FROM dead_letters WHERE id = ?');
    this.allQueued = db.prepare('SELECT seq, op_id, key, body, enqueued_at, attempts, not_before FROM queue_ops ORDER BY seq');
    this.deadPage = db.prepare('SELECT * FROM dead_letters ORDER BY id LIMIT ?');
  }

  /** Appends `rows` and records `settles`, in one transaction; returns the rows' seqs, in order. */
  commit(rows: readonly AppendRow[], settles: SettleRows): number[] {
    return this.db
      .transaction(() => {
        const seqs = rows.map((r) => Number(this.insertOp.run(r.opId, r.key, r.body, r.enqueuedAt).lastInsertRowid));
        for (const seq of settles.applied) this.deleteOp.run(seq);
        for (const r of settles.retries) this.retryOp.run(r.attempts, r.notBefore, r.error, r.seq);
        for (const d of settles.dead) {
          this.insertDead.run(d.opId, d.key, d.body, d.error, d.attempts, d.enqueuedAt, d.failedAt);
          this.deleteOp.run(d.seq);
        }
        return seqs;
      })
      .immediate();
  }

  /** Every queued operation, in queue order. */
  queued(): QueuedRow[] {
    return this.allQueued.all();
  }

  /** Dead letters, oldest first. */
  deadLetters(limit: number): DeadLetter[] {
    return this.deadPage.all(limit).map((r) => ({
      id: String(r.id),
      opId: r.op_id,
      key: r.key,
      body: r.body,
      error: r.error,
      attempts: r.attempts,
      enqueuedAt: r.enqueued_at,
      failedAt: r.failed_at,
    }));
  }

  /** Moves dead letters (all when `ids` is null) back into the queue (`replay`) or deletes them (`drop`); returns how many. */
  moveDeadLetters(kind: 'replay' | 'drop', ids: readonly number[] | null, at: number): number {
    return this.db
      .transaction(() => {
        const rows = ids === null ? this.allDead.all() : ids.flatMap((id) => this.deadById.get(id) ?? []);
        for (const r of rows) {
          if (kind === 'replay') this.insertOp.run(r.op_id, r.key, r.body, at);
          this.deleteDead.run(r.id);
        }
        return rows.length;
      })
      .immediate();
  }
}

interface DeadRow {
  id: number;
  op_id: string;
  key: string;
  body: string;
  error: string;
  attempts: number;
  enqueued_at: number;
  failed_at: number;
}
