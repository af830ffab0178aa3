import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { RedisStreamWriteQueue } from '../../persistence/redis-streams/stream-write-queue.js';
import { openSqliteStore, type SqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import { inboxAppend } from '../../persistence/write-behind/write-operation.js';
import type { DeadLetter } from '../../persistence/write-behind/write-queue.js';
import { describeWithRedis } from '../../test-support/redis-fixture.js';
import { eventually } from '../support/clients.js';
import { runDlq } from '../support/dlq-command.js';
import { writePoisonBatch } from '../support/poison-batch.js';
import { tempDataDir } from '../support/server-process.js';

describeWithRedis('dead letters in the cluster: the Redis Streams log, the real store and the operator command', (redis) => {
  let store: SqliteStore | undefined;
  let queue: RedisStreamWriteQueue | undefined;
  afterEach(async () => {
    await queue?.close();
    await store?.close();
  });

  /** `npm run dlq -- …` against the cluster's queue, with REDIS_URL. */
  const dlq = (...args: string[]) => runDlq({ REDIS_URL: redis.server().url }, ...args);

  it('dead-letters a poison operation alone; the operator lists it, replays it after a fix, and drops another', async () => {
    const opened = openSqliteStore({ file: join(tempDataDir(), 'hugmood.db') });
    store = opened;
    // The queue the nodes use (default prefix, name and partitions), so the command finds its letters.
    queue = await RedisStreamWriteQueue.open({ url: redis.server().url, partitions: 1, maxAttempts: 3, baseBackoffMs: 5, statsPollMs: 50 });
    queue.start((batch) => opened.applyWrites(batch));
    const poison = await writePoisonBatch(queue);
    expect(await opened.hugs.get('h-mate')).not.toBeNull();
    expect(queue.stats().deadLetters).toBe(1);

    const listed = dlq('list', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const letters = JSON.parse(listed.stdout) as DeadLetter[];
    expect(letters).toMatchObject([{ opId: poison.id, key: 'inbox:bob', attempts: 3, error: expect.stringContaining('UNIQUE constraint failed') as string }]);

    opened.db.prepare('DELETE FROM inbox WHERE user_id = ?').run('bob');
    const replayed = dlq('replay', letters[0]?.id ?? '');
    expect(replayed.stdout, replayed.stderr).toContain('replayed 1 dead letter');
    await eventually(async () => (await opened.inbox.after('bob', 0, 10)).length === 1, 10_000, 'the replayed entry');
    expect((await opened.inbox.after('bob', 0, 10)).map((e) => e.id)).toEqual(['hug:h-clash']);

    await queue.enqueue([inboxAppend({ userId: 'bob', cursor: 1, id: 'hug:h-again', type: 'hug', ref: 'h-again', createdAt: 3, data: {} })]);
    await queue.drain();
    expect(dlq('drop', '--all').stdout).toContain('dropped 1 dead letter');
    expect(JSON.parse(dlq('list', '--json').stdout)).toEqual([]);
  });
});
