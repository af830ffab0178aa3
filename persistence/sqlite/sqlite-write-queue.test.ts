import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { userLastSeen } from '../write-behind/write-operation.js';
import { runWriteQueueContract } from '../write-behind/write-queue.contract.js';
import { SqliteWriteQueue } from './sqlite-write-queue.js';

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
    const reader = new BetterSqlite3(file, { readonly: true });
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
    const raw = new BetterSqlite3(file);
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
