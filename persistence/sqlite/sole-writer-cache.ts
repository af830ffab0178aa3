import type { Database, Statement } from 'better-sqlite3';

/** Entries kept before the cache starts again empty (a bound, not an eviction policy). */
const MAX_ENTRIES = 100_000;

/**
 * Reads of rows that only this connection writes, kept until this connection writes anything.
 *
 * It is exact where one process owns the store file (the embedded shape: one server per
 * `DATA_DIR`) and the other connections of that process never write the rows it caches: the
 * write-behind writer thread writes hugs, requests, the inbox, group-hug summaries and `last_seen_at`,
 * never privacy settings, friendships or blocks. Each lookup first reads this connection's
 * `total_changes()` (no lock, no I/O: a third of a microsecond); when it moved, some write ran here,
 * whatever it touched, and every entry is dropped. So a change is seen by the first read after it,
 * as without the cache, and a send no longer opens a read transaction (two file-lock calls each) for
 * its recipient's privacy and the pair's friendship.
 *
 * Never use it on a file other processes write (the local-cluster shape shares one).
 */
export class SoleWriterCache {
  private readonly totalChanges: Statement<[], number>;
  private seen = -1;
  private readonly entries = new Map<string, unknown>();

  constructor(db: Database) {
    this.totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  }

  /** The value cached under `key`, or what `load` reads now (and is kept until this connection writes). */
  get<T>(key: string, load: () => T): T {
    const changes = this.totalChanges.get() ?? 0;
    if (changes !== this.seen) {
      this.entries.clear();
      this.seen = changes;
    }
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = load();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}
