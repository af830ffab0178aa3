import type { Redis } from 'ioredis';
import type { InboxRecord } from '../store/inbox-repository.js';
import { type HugDirection, type PendingWrites, subjectOf } from '../write-behind/pending-writes.js';
import { type WriteOperation, writeOperationSchema } from '../write-behind/write-operation.js';

/**
 * {@link PendingWrites} in Redis, shared by the cluster. Keys (after `prefix`), each expiring
 * `ttlMs` after its last write:
 *   h:{hugId} / r:{requestId}   hash opId -> operation JSON
 *   sent:{userId} / received:{userId}   sorted set hugId -> sentAt (hugs whose creation is pending)
 *   inbox:{userId}   sorted set of entry JSON by cursor
 * Recording is one MULTI per command; forgetting one MULTI per applied batch.
 */
export class RedisPendingWrites implements PendingWrites {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
    private readonly prefix = 'hm:pw:',
  ) {}

  async record(operations: readonly WriteOperation[]): Promise<void> {
    const tx = this.redis.multi();
    let touched = 0;
    const expire = (key: string) => tx.pexpire(key, this.ttlMs);
    for (const op of operations) {
      if (op.type === 'inbox.append') {
        const key = `${this.prefix}inbox:${op.entry.userId}`;
        tx.zadd(key, op.entry.cursor, JSON.stringify(op.entry));
        expire(key);
        touched += 1;
      }
      const subject = subjectOf(op);
      if (!subject) continue;
      const key = this.subjectKey(subject.kind, subject.id);
      tx.hset(key, op.id, JSON.stringify(op));
      expire(key);
      touched += 1;
      if (op.type === 'hug.create') {
        for (const [direction, user] of [['sent', op.hug.from], ['received', op.hug.to]] as const) {
          const listKey = `${this.prefix}${direction}:${user}`;
          tx.zadd(listKey, op.hug.sentAt, op.hug.id);
          expire(listKey);
        }
      }
    }
    if (touched > 0) await tx.exec();
    else tx.discard();
  }

  async forget(operations: readonly WriteOperation[]): Promise<void> {
    const tx = this.redis.multi();
    let touched = 0;
    for (const op of operations) {
      if (op.type === 'inbox.append') {
        tx.zremrangebyscore(`${this.prefix}inbox:${op.entry.userId}`, op.entry.cursor, op.entry.cursor);
        touched += 1;
      }
      const subject = subjectOf(op);
      if (!subject) continue;
      tx.hdel(this.subjectKey(subject.kind, subject.id), op.id);
      touched += 1;
      if (op.type === 'hug.create') {
        tx.zrem(`${this.prefix}sent:${op.hug.from}`, op.hug.id).zrem(`${this.prefix}received:${op.hug.to}`, op.hug.id);
      }
    }
    if (touched > 0) await tx.exec();
    else tx.discard();
  }

  hugOperations(ids: readonly string[]): Promise<Map<string, WriteOperation[]>> {
    return this.operationsOf('hug', ids);
  }

  requestOperations(ids: readonly string[]): Promise<Map<string, WriteOperation[]>> {
    return this.operationsOf('request', ids);
  }

  newHugIds(userId: string, direction: HugDirection): Promise<string[]> {
    return this.redis.zrange(`${this.prefix}${direction}:${userId}`, 0, -1);
  }

  async inboxAfter(userId: string, after: number): Promise<InboxRecord[]> {
    const bodies = await this.redis.zrangebyscore(`${this.prefix}inbox:${userId}`, `(${after}`, '+inf');
    return bodies.map((b) => JSON.parse(b) as InboxRecord);
  }

  /** The connection belongs to the composition root, which closes it. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private subjectKey(kind: 'hug' | 'request', id: string): string {
    return `${this.prefix}${kind === 'hug' ? 'h' : 'r'}:${id}`;
  }

  private async operationsOf(kind: 'hug' | 'request', ids: readonly string[]): Promise<Map<string, WriteOperation[]>> {
    const found = new Map<string, WriteOperation[]>();
    if (ids.length === 0) return found;
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hvals(this.subjectKey(kind, id));
    const replies = (await pipeline.exec()) ?? [];
    ids.forEach((id, i) => {
      const [error, values] = replies[i] ?? [null, []];
      if (error) throw error;
      const ops = (values as string[]).flatMap((v) => {
        const parsed = writeOperationSchema.safeParse(JSON.parse(v));
        return parsed.success ? [parsed.data] : [];
      });
      if (ops.length > 0) found.set(id, ops);
    });
    return found;
  }
}
