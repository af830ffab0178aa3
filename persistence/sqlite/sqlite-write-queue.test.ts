import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hugRecord } from '../store/store-fixtures.js';
import { hugCreate, inboxAppend, userLastSeen } from '../write-behind/write-operation.js';
import { openSqliteStore } from './sqlite-store.js';
import { runWriteQueueContract } from '../write-behind/write-queue.contract.js';
import { SqliteWriteQueue } from './sqlite-write-queue.js';
import { openDatabase } from './open-database.js';

const dir = mkdtempSync(join(tmpdir(), 'hugmood-queue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const nextFile = () => join(dir, `queue-${n++}.db`);

runWriteQueueContract('sqlite', (options) => Promise.resolve(new SqliteWriteQueue({ file: nextFile(), lingerMs: 1, ...options })));

describe('sqlite write queue', () => {
  it('has an acknowledged enqueue on disk before any worker ran', async () => {
    const file = nextFile();
    const queue = new SqliteWriteQueue({ file });
    await queue.enqueue([userLastSeen('a', 1), userLastSeen('b', 2)]);
    // A second connection sees the committed rows: they are in the file, not in this process.
    const reader = openDatabase(file, { readonly: true });
    const rows = reader.prepare('SELECT op_id FROM queue_ops ORDER BY seq').all() as { op_id: string }[];
    reader.close();
    expect(rows.map((r) => r.op_id)).toEqual([userLastSeen('a', 1).id, userLastSeen('b', 2).id]);
    await queue.close();

    const reopened = new SqliteWriteQueue({ file });
    const applied: string[] = [];
    reopened.start((batch) => {
      applied.push(...batch.map((op) => op.id));
      return Promise.resolve({ failed: new Map() });
    });
    await reopened.drain();
    expect(applied).toHaveLength(2);
    await reopened.close();
  });

  it('dead-letters an operation that cannot be read back, at once, and applies its batch-mates', async () => {
    const file = nextFile();
    const queue = new SqliteWriteQueue({ file, maxAttempts: 5 });
    await queue.whenReady();
    const raw = openDatabase(file);
    raw.prepare('INSERT INTO queue_ops (op_id, key, body, enqueued_at) VALUES (?, ?, ?, ?)').run('bad-1', 'user:x', '{"type":"hug.create","id":"bad-1"}', 1);
    raw.close();
    await queue.enqueue([userLastSeen('good', 1)]);
    const applied: string[] = [];
    queue.start((batch) => {
      applied.push(...batch.map((op) => op.id));
      return Promise.resolve({ failed: new Map() });
    });
    await queue.drain();
    expect(applied).toEqual([userLastSeen('good', 1).id]);
    const [dead] = await queue.deadLetters();
    expect(dead).toMatchObject({ opId: 'bad-1', attempts: 1 });
    expect(dead?.error).toMatch(/^malformed operation: /);
    await queue.close();
  });
});

describe('sqlite write queue writing the store on its own thread', () => {
  it('writes batches to the store file itself and reports each written batch', async () => {
    const storeFile = join(dir, `store-${n++}.db`);
    const store = openSqliteStore({ file: storeFile });
    const queue = new SqliteWriteQueue({ file: nextFile(), storeFile });
    const written: string[] = [];
    queue.startWriting((ops) => written.push(...ops.map((op) => op.id)));
    const hug = hugRecord({ from: 'ann', to: 'bo' });
    const ops = [hugCreate(hug), inboxAppend({ userId: 'bo', cursor: 1, id: `hug:${hug.id}`, type: 'hug', ref: hug.id, createdAt: 1, data: {} })];
    await queue.enqueue(ops);
    await queue.drain();
    // Read through this thread's own connection: the writer's commits are in the file.
    expect(await store.hugs.get(hug.id)).toMatchObject({ id: hug.id, to: 'bo' });
    expect((await store.inbox.after('bo', 0, 10)).map((e) => e.ref)).toEqual([hug.id]);
    expect(written).toEqual(ops.map((op) => op.id));
    // One commit of the appends and one of the store batch, each one fsync.
    expect(queue.commits().store).toBe(1);
    expect(queue.commits().queue).toBeGreaterThanOrEqual(1);
    await queue.close();
    await store.close();
  });
});

describe('sqlite write queue group commit', () => {
  it('commits an append after a quiet spell at once, and gathers the appends that follow into one commit', async () => {
    const gapMs = 3000;
    const queue = new SqliteWriteQueue({ file: nextFile(), commitGapMs: gapMs });
    await queue.whenReady();
    const started = performance.now();
    await queue.enqueue([userLastSeen('first', 1)]);
    // Not held for the gap: nothing was committed before it.
    expect(performance.now() - started).toBeLessThan(gapMs - 500);
    expect(queue.commits().queue).toBe(1);
    // Twenty appends, each in an event-loop turn of its own (each handed over as its own message).
    const acks: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      acks.push(queue.enqueue([userLastSeen(`u${i}`, i + 2)]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(acks);
    expect(performance.now() - started).toBeGreaterThanOrEqual(gapMs - 50);
    expect(queue.commits().queue).toBe(2);
    await queue.close();
  });
});
