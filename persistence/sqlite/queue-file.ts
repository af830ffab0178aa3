import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
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
 * The writes to a queue file, each in one transaction. An append is committed with `synchronous =
 * FULL` (fsynced before any enqueue is acknowledged); a settle is not fsynced on its own: lost in a
 * crash, it only means idempotent operations are applied again, and the next append syncs it.
 */
export class QueueFileWriter {
  private readonly insertOp: Statement;
  private readonly deleteOp: Statement<[number]>;
  private readonly retryOp: Statement<[number, number, string, number]>;
  private readonly insertDead: Statement;
  private readonly deadById: Statement<[number], { id: number; op_id: string; key: string; body: string }>;
  private readonly allDead: Statement<[], { id: number; op_id: string; key: string; body: string }>;
  private readonly deleteDead: Statement<[number]>;
  private durable = true;

  constructor(private readonly db: Database) {
    this.insertOp = db.prepare('INSERT INTO queue_ops (op_id, key, body, enqueued_at) VALUES (?, ?, ?, ?)');
    this.deleteOp = db.prepare('DELETE FROM queue_ops WHERE seq = ?');
    this.retryOp = db.prepare('UPDATE queue_ops SET attempts = ?, not_before = ?, last_error = ? WHERE seq = ?');
    this.insertDead = db.prepare('INSERT INTO dead_letters (op_id, key, body, error, attempts, enqueued_at, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.deadById = db.prepare('SELECT id, op_id, key, body FROM dead_letters WHERE id = ?');
    this.allDead = db.prepare('SELECT id, op_id, key, body FROM dead_letters ORDER BY id');
    this.deleteDead = db.prepare('DELETE FROM dead_letters WHERE id = ?');
  }

  /** Appends `rows` durably; returns their seqs, in order. */
  append(rows: readonly AppendRow[]): number[] {
    return this.transaction(true, () => rows.map((r) => Number(this.insertOp.run(r.opId, r.key, r.body, r.enqueuedAt).lastInsertRowid)));
  }

  /** Records a batch's outcome: applied operations leave, failed ones wait or die. */
  settle(applied: readonly number[], retries: readonly RetryRow[], dead: readonly DeadRowWrite[]): void {
    this.transaction(false, () => {
      for (const seq of applied) this.deleteOp.run(seq);
      for (const r of retries) this.retryOp.run(r.attempts, r.notBefore, r.error, r.seq);
      for (const d of dead) {
        this.insertDead.run(d.opId, d.key, d.body, d.error, d.attempts, d.enqueuedAt, d.failedAt);
        this.deleteOp.run(d.seq);
      }
    });
  }

  /** Moves dead letters (all when `ids` is null) back into the queue (`replay`) or deletes them (`drop`); returns how many. */
  moveDeadLetters(kind: 'replay' | 'drop', ids: readonly number[] | null, at: number): number {
    return this.transaction(kind === 'replay', () => {
      const rows = ids === null ? this.allDead.all() : ids.flatMap((id) => this.deadById.get(id) ?? []);
      for (const r of rows) {
        if (kind === 'replay') this.insertOp.run(r.op_id, r.key, r.body, at);
        this.deleteDead.run(r.id);
      }
      return rows.length;
    });
  }

  private transaction<T>(durable: boolean, body: () => T): T {
    if (durable !== this.durable) {
      this.db.pragma(durable ? 'synchronous = FULL' : 'synchronous = NORMAL');
      this.durable = durable;
    }
    return this.db.transaction(body).immediate();
  }
}
