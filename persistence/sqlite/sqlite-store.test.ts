import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY } from '../../protocol/schemas/privacy.js';
import { runStoreContract } from '../store/store.contract.js';
import { MIGRATIONS } from './migrations.js';
import { migrate } from './sqlite-migrator.js';
import { openSqliteStore } from './sqlite-store.js';
import { openDatabase } from './open-database.js';

const dir = mkdtempSync(join(tmpdir(), 'hugmood-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const nextFile = () => join(dir, `store-${n++}.db`);

runStoreContract('sqlite', { open: () => Promise.resolve(openSqliteStore({ file: nextFile() })) });
// The embedded shape's store caches privacy and friendships until its connection writes: every
// read-after-write of the contract must see the write through the cache.
runStoreContract('sqlite, sole writer (privacy and friendships cached)', { open: () => Promise.resolve(openSqliteStore({ file: nextFile(), soleWriter: true })) });

describe('sqlite store', () => {
  it('runs in WAL mode and keeps data across a reopen', async () => {
    const file = nextFile();
    const first = openSqliteStore({ file });
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await first.users.create({ id: 'u1', username: 'alice', passwordHash: 'h', displayName: 'A', privacy: DEFAULT_PRIVACY, createdAt: 1 });
    await first.close();
    const second = openSqliteStore({ file });
    expect((await second.users.findByUsername('alice'))?.id).toBe('u1');
    expect(second.migration.applied).toEqual([]);
    await second.close();
  });

  it('fsyncs every commit where asked (the embedded writer thread), and at checkpoints otherwise', async () => {
    const file = nextFile();
    const everyCommit = openSqliteStore({ file, fsyncEveryCommit: true });
    const atCheckpoints = openSqliteStore({ file });
    // 2 is FULL, 1 is NORMAL.
    expect(everyCommit.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(atCheckpoints.db.pragma('synchronous', { simple: true })).toBe(1);
    await everyCommit.close();
    await atCheckpoints.close();
  });

  it('applies versioned migrations once and in order', async () => {
    const file = nextFile();
    const first = openSqliteStore({ file });
    expect(first.migration).toMatchObject({ from: 0, to: MIGRATIONS.length });
    await first.close();
    const extended = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'add a column', sql: 'ALTER TABLE users ADD COLUMN extra TEXT' }];
    const second = openSqliteStore({ file, migrations: extended });
    expect(second.migration.applied).toEqual([`${extended.length}: add a column`]);
    const versions = second.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(extended.map((m) => m.version));
    await second.close();
  });

  it('refuses a database newer than this build', async () => {
    const file = nextFile();
    const extended = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'future', sql: 'SELECT 1' }];
    await openSqliteStore({ file, migrations: extended }).close();
    expect(() => openSqliteStore({ file })).toThrow(/newer than this build/);
  });

  it('rejects a migration list with a gap', () => {
    expect(() => openSqliteStore({ file: nextFile(), migrations: [{ version: 2, name: 'x', sql: 'SELECT 1' }] })).toThrow(/numbered 1..n/);
  });

  it('keeps one index of hugs by recipient, which the lookups by recipient use (a file from before version 5 loses the second)', async () => {
    const file = nextFile();
    // A file a version-4 build left (its repositories would not open on it: it has no moods table).
    const old = openDatabase(file);
    migrate(old, MIGRATIONS.slice(0, 4));
    old.close();
    const store = openSqliteStore({ file });
    try {
      expect(store.migration.applied).toEqual(['5: one index of hugs by recipient', '6: moods and streaks', '7: notifications', '8: devices and notification preferences', '9: activities', '10: close friends', '11: hug contexts', '12: unread hugs']);
      const indexes = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'hugs' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
      expect(indexes).toEqual(['hugs_received', 'hugs_sent', 'hugs_unread']);
      const plan = (sql: string) => store.db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => r.detail).join('; ');
      expect(plan("DELETE FROM hugs WHERE to_user = 'x'")).toContain('USING INDEX hugs_received (to_user=?)');
      expect(plan("SELECT * FROM hugs WHERE to_user = 'x' ORDER BY sent_at DESC, id DESC LIMIT 10")).toContain('USING INDEX hugs_received');
      // The unread list reads the partial index, holding only unread hugs, in order.
      expect(plan("SELECT * FROM hugs WHERE to_user = 'x' AND read_at IS NULL ORDER BY sent_at DESC, id DESC LIMIT 10")).toBe('SEARCH hugs USING INDEX hugs_unread (to_user=?)');
    } finally {
      await store.close();
    }
  });

  it('reads a feed page with one range of the actor index per friend', async () => {
    const store = openSqliteStore({ file: nextFile() });
    try {
      const plan = (sql: string) => store.db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => r.detail).join('; ');
      expect(plan(`SELECT * FROM activities WHERE actor_id IN (SELECT value FROM json_each('["a","b"]')) AND created_at >= 5 AND created_at < 9 ORDER BY created_at DESC, id DESC LIMIT 20`)).toContain(
        'USING INDEX activities_by_actor (actor_id=? AND created_at>? AND created_at<?)',
      );
    } finally {
      await store.close();
    }
  });

  it('counts unread notifications on the partial index and pages them on the user\'s index', async () => {
    const store = openSqliteStore({ file: nextFile() });
    try {
      const plan = (sql: string) => store.db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => r.detail).join('; ');
      expect(plan("SELECT count(*) FROM notifications WHERE user_id = 'x' AND read_at IS NULL AND deleted_at IS NULL")).toContain('notifications_unread');
      expect(plan("SELECT * FROM notifications WHERE user_id = 'x' AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 10")).toContain('notifications_by_user');
    } finally {
      await store.close();
    }
  });
});
