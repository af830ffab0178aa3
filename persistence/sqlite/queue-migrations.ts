import type { Migration } from './migrations.js';

/** The schema history of the write-behind queue file (`write-queue.db`), oldest first. */
export const QUEUE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'queued operations and dead letters',
    sql: `
      CREATE TABLE queue_ops (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        op_id TEXT NOT NULL,
        key TEXT NOT NULL,
        body TEXT NOT NULL,
        enqueued_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      );
      CREATE TABLE dead_letters (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        op_id TEXT NOT NULL,
        key TEXT NOT NULL,
        body TEXT NOT NULL,
        error TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        enqueued_at INTEGER NOT NULL,
        failed_at INTEGER NOT NULL
      );
    `,
  },
];
