import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations.js';

/** The result of bringing a database up to date. */
export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/**
 * Applies every migration newer than the database's version, in order, each in the same
 * immediate transaction as the version check, so several processes opening one file at once
 * (the local-cluster shape) apply each migration exactly once. Refuses a database whose version
 * is newer than this build knows: running old code on a new schema would corrupt it.
 */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationReport {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1..n in order; found ${m.version} at position ${i + 1}`);
  });
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const latest = migrations.length;
  const run = db.transaction(() => {
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    const from = row.v ?? 0;
    if (from > latest) {
      throw new Error(`the database schema is at version ${from}, newer than this build's ${latest}: upgrade the server`);
    }
    const applied: string[] = [];
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations.slice(from)) {
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
      applied.push(`${m.version}: ${m.name}`);
    }
    return { from, to: latest, applied };
  });
  return run.immediate();
}
