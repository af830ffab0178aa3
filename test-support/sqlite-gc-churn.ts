import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../persistence/sqlite/sqlite-store.js';

/*
 * Run with `node --expose-gc --import tsx`: opens 60 stores (closing every other one), runs a
 * statement prepared per call and a pragma on each, then collects garbage. With better-sqlite3 12
 * on Node 24 a collected Statement aborts the process (see persistence/sqlite/open-database.ts).
 * When that happens depends on when V8 collects: without that file's cure this script aborted in
 * some runs only (persistence/sqlite/sqlite-store.test.ts aborted its vitest worker in 3 runs of 3),
 * so it is a smoke check, not proof. It must print "survived".
 */
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const dir = mkdtempSync(join(tmpdir(), 'hugmood-gc-churn-'));
for (let i = 0; i < 60; i += 1) {
  const store = openSqliteStore({ file: join(dir, `s${i}.db`) });
  await store.users.findByIds(Array.from({ length: 1 + (i % 7) }, (_, k) => `u${k}`));
  store.db.pragma('wal_checkpoint(PASSIVE)');
  if (i % 2 === 0) await store.close();
}
gc();
rmSync(dir, { recursive: true, force: true });
console.log('survived');
