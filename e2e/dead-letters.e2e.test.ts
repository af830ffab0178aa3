import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../persistence/sqlite/sqlite-store.js';
import { SqliteWriteQueue } from '../persistence/sqlite/sqlite-write-queue.js';
import { inboxAppend } from '../persistence/write-behind/write-operation.js';
import type { DeadLetter } from '../persistence/write-behind/write-queue.js';
import { eventually } from './support/clients.js';
import { runDlq } from './support/dlq-command.js';
import { writePoisonBatch } from './support/poison-batch.js';
import { tempDataDir } from './support/server-process.js';
import { openDatabase } from '../persistence/sqlite/open-database.js';

/** `npm run dlq -- …` on DATA_DIR. */
const dlq = (dataDir: string, ...args: string[]) => runDlq({ DATA_DIR: dataDir }, ...args);

describe('dead letters: the real store, queue and operator command', () => {
  let store: SqliteStore | undefined;
  let queue: SqliteWriteQueue | undefined;
  afterEach(async () => {
    await queue?.close();
    await store?.close();
  });

  it('dead-letters a poison operation while its batch-mates are written; the operator lists, replays and drops it', async () => {
    const dataDir = tempDataDir();
    const opened = openSqliteStore({ file: join(dataDir, 'hugmood.db') });
    store = opened;
    queue = new SqliteWriteQueue({ file: join(dataDir, 'write-queue.db'), maxAttempts: 3, baseBackoffMs: 5, pollMs: 50 });
    queue.start((batch) => opened.applyWrites(batch));
    const poison = await writePoisonBatch(queue);

    expect(await store.hugs.get('h-clash')).not.toBeNull();
    expect(await store.hugs.get('h-mate')).not.toBeNull();
    expect((await store.inbox.after('bob', 0, 10)).map((e) => e.id)).toEqual(['hug:h-first']);
    const raw = openDatabase(join(dataDir, 'write-queue.db'), { readonly: true });
    const rows = raw.prepare('SELECT op_id, error, attempts FROM dead_letters').all();
    raw.close();
    expect(rows).toEqual([{ op_id: poison.id, error: expect.stringContaining('UNIQUE constraint failed: inbox.user_id, inbox.cursor') as string, attempts: 3 }]);
    expect(queue.stats().deadLetters).toBe(1);

    const listed = dlq(dataDir, 'list', '--json');
    expect(listed.code).toBe(0);
    const letters = JSON.parse(listed.stdout) as DeadLetter[];
    expect(letters).toMatchObject([{ opId: poison.id, key: 'inbox:bob', attempts: 3 }]);
    expect(dlq(dataDir, 'list').stdout).toContain('UNIQUE constraint failed');
    expect(dlq(dataDir, 'replay').code).toBe(2);
    expect(dlq(dataDir, 'drop', '999').code).toBe(1);

    // The operator fixes the cause (here: frees the cursor) and replays; the running worker applies it.
    store.db.prepare('DELETE FROM inbox WHERE user_id = ?').run('bob');
    const id = letters[0]?.id ?? '';
    expect(dlq(dataDir, 'replay', id).stdout).toContain('replayed 1 dead letter');
    await eventually(async () => (await store?.inbox.after('bob', 0, 10))?.length === 1, 5000, 'the replayed entry');
    expect((await store.inbox.after('bob', 0, 10)).map((e) => e.id)).toEqual(['hug:h-clash']);
    await eventually(() => queue?.stats().deadLetters === 0, 5000, 'the dead-letter count to drop');

    // A second poison, dropped for good.
    await queue.enqueue([inboxAppend({ userId: 'bob', cursor: 1, id: 'hug:h-again', type: 'hug', ref: 'h-again', createdAt: 3, data: {} })]);
    await queue.drain();
    expect(dlq(dataDir, 'drop', '--all').stdout).toContain('dropped 1 dead letter');
    expect(JSON.parse(dlq(dataDir, 'list', '--json').stdout)).toEqual([]);
  });
});
