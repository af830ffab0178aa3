import type { Redis } from 'ioredis';
import type { InboxRecord } from '../store/inbox-repository.js';
import { type HugDirection, type PendingWrites, subjectOf } from '../write-behind/pending-writes.js';
import { type WriteOperation, writeOperationSchema } from '../write-behind/write-operation.js';
import { RedisScript } from './redis-script.js';

/**
 * KEYS[i] the key of change i
 * ARGV[1] TTL in ms, then 3 per change: verb (hset | zadd | hdel | zrem | zremscore), a, b
 *   hset key a b · zadd key score=a member=b · hdel key a · zrem key a · zremscore key a (score)
 * Applies every change atomically; keys written get the TTL. One script per command or batch
 * rather than a MULTI, so no client-side pipeline is built on the hot path.
 */
const APPLY = new RedisScript(
  'pending-apply',
  `
local ttl = ARGV[1]
for i, key in ipairs(KEYS) do
  local verb, a, b = ARGV[3 * i - 1], ARGV[3 * i], ARGV[3 * i + 1]
  if verb == 'hset' then
    redis.call('HSET', key, a, b)
    redis.call('PEXPIRE', key, ttl)
  elseif verb == 'zadd' then
    redis.call('ZADD', key, a, b)
    redis.call('PEXPIRE', key, ttl)
  elseif verb == 'hdel' then
    redis.call('HDEL', key, a)
  elseif verb == 'zrem' then
    redis.call('ZREM', key, a)
  elseif verb == 'zremscore' then
    redis.call('ZREMRANGEBYSCORE', key, a, a)
  end
end
return #KEYS
`,
);

type Verb = 'hset' | 'zadd' | 'hdel' | 'zrem' | 'zremscore';

/**
 * {@link PendingWrites} in Redis, shared by the cluster. Keys (after `prefix`), each expiring
 * `ttlMs` after its last write:
 *   h:{hugId} / r:{requestId}   hash opId -> operation JSON
 *   sent:{userId} / received:{userId}   sorted set hugId -> sentAt (hugs whose creation is pending)
 *   inbox:{userId}   sorted set of entry JSON by cursor
 * Recording and forgetting are one atomic script each.
 */
export class RedisPendingWrites implements PendingWrites {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
    private readonly prefix = 'hm:pw:',
  ) {}

  async record(operations: readonly WriteOperation[]): Promise<void> {
    const changes = new Changes();
    for (const op of operations) {
      if (op.type === 'inbox.append') changes.add('zadd', `${this.prefix}inbox:${op.entry.userId}`, op.entry.cursor, JSON.stringify(op.entry));
      const subject = subjectOf(op);
      if (!subject) continue;
      changes.add('hset', this.subjectKey(subject.kind, subject.id), op.id, JSON.stringify(op));
      if (op.type === 'hug.create') {
        changes.add('zadd', `${this.prefix}sent:${op.hug.from}`, op.hug.sentAt, op.hug.id);
        changes.add('zadd', `${this.prefix}received:${op.hug.to}`, op.hug.sentAt, op.hug.id);
      }
    }
    await this.apply(changes);
  }

  async forget(operations: readonly WriteOperation[]): Promise<void> {
    const changes = new Changes();
    for (const op of operations) {
      if (op.type === 'inbox.append') changes.add('zremscore', `${this.prefix}inbox:${op.entry.userId}`, op.entry.cursor, '');
      const subject = subjectOf(op);
      if (!subject) continue;
      changes.add('hdel', this.subjectKey(subject.kind, subject.id), op.id, '');
      if (op.type === 'hug.create') {
        changes.add('zrem', `${this.prefix}sent:${op.hug.from}`, op.hug.id, '');
        changes.add('zrem', `${this.prefix}received:${op.hug.to}`, op.hug.id, '');
      }
    }
    await this.apply(changes);
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

  private async apply(changes: Changes): Promise<void> {
    if (changes.keys.length === 0) return;
    await APPLY.run(this.redis, changes.keys, [this.ttlMs, ...changes.args]);
  }

  private subjectKey(kind: 'hug' | 'request', id: string): string {
    return `${this.prefix}${kind === 'hug' ? 'h' : 'r'}:${id}`;
  }

  private async operationsOf(kind: 'hug' | 'request', ids: readonly string[]): Promise<Map<string, WriteOperation[]>> {
    const found = new Map<string, WriteOperation[]>();
    // One round trip per hug: reads here are a handful of ids (a receipt, a sync page's hugs).
    const all = await Promise.all(ids.map((id) => this.redis.hvals(this.subjectKey(kind, id))));
    ids.forEach((id, i) => {
      const ops = (all[i] ?? []).flatMap((v) => {
        const parsed = writeOperationSchema.safeParse(JSON.parse(v));
        return parsed.success ? [parsed.data] : [];
      });
      if (ops.length > 0) found.set(id, ops);
    });
    return found;
  }
}

/** The changes of one script call: KEYS and their (verb, a, b) arguments. */
class Changes {
  readonly keys: string[] = [];
  readonly args: (string | number)[] = [];

  add(verb: Verb, key: string, a: string | number, b: string): void {
    this.keys.push(key);
    this.args.push(verb, a, b);
  }
}
