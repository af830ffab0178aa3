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

/** Where pending writes live unless told otherwise. */
export const PENDING_PREFIX = 'hm:pw:';

/**
 * {@link PendingWrites} in Redis, shared by the cluster. Keys (after `prefix`), each expiring
 * `ttlMs` after its last write:
 *   h:{hugId} / r:{requestId}   hash opId -> operation JSON
 *   sent:{userId}   sorted set hugId -> sentAt (hugs sent whose creation is pending; received ones are
 *                   found through the inbox entries below)
 *   inbox:{userId}   sorted set of entry JSON by cursor
 * Recording and forgetting are one atomic script each.
 */
export class RedisPendingWrites implements PendingWrites {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
    /** Prefix of every key (command steps record under the same one). */
    readonly prefix = PENDING_PREFIX,
  ) {}

  async record(operations: readonly WriteOperation[]): Promise<void> {
    await this.apply(pendingChanges(this.prefix, operations, 'record'));
  }

  async forget(operations: readonly WriteOperation[]): Promise<void> {
    await this.apply(pendingChanges(this.prefix, operations, 'forget'));
  }

  hugOperations(ids: readonly string[]): Promise<Map<string, WriteOperation[]>> {
    return this.operationsOf('hug', ids);
  }

  requestOperations(ids: readonly string[]): Promise<Map<string, WriteOperation[]>> {
    return this.operationsOf('request', ids);
  }

  async newHugIds(userId: string, direction: HugDirection): Promise<string[]> {
    if (direction === 'sent') return this.redis.zrange(`${this.prefix}sent:${userId}`, 0, -1);
    return (await this.inboxAfter(userId, 0)).flatMap((e) => (e.type === 'hug' ? [e.ref] : []));
  }

  async inboxAfter(userId: string, after: number): Promise<InboxRecord[]> {
    const flat = await this.redis.zrangebyscore(`${this.prefix}inbox:${userId}`, `(${after}`, '+inf', 'WITHSCORES');
    const entries: InboxRecord[] = [];
    // The score is the cursor: a command step records the entry before its cursor is in the JSON.
    for (let i = 0; i + 1 < flat.length; i += 2) entries.push({ ...(JSON.parse(flat[i] ?? '') as InboxRecord), cursor: Number(flat[i + 1]) });
    return entries;
  }

  /** The connection belongs to the composition root, which closes it. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private async apply(changes: readonly PendingChange[]): Promise<void> {
    if (changes.length === 0) return;
    await APPLY.run(
      this.redis,
      changes.map((c) => c.key),
      [this.ttlMs, ...changes.flatMap((c) => [c.verb, c.a, c.b])],
    );
  }

  private subjectKey(kind: 'hug' | 'request', id: string): string {
    return pendingSubjectKey(this.prefix, kind, id);
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

/** One change to the pending keys: `hset key a b`, `zadd key a b` (score a, member b), `hdel key a`, `zrem key a`, `zremscore key a`. */
export interface PendingChange {
  readonly verb: Verb;
  readonly key: string;
  readonly a: string | number;
  readonly b: string;
}

/** The key of the pending operations on one hug or hug request. */
export function pendingSubjectKey(prefix: string, kind: 'hug' | 'request', id: string): string {
  return `${prefix}${kind === 'hug' ? 'h' : 'r'}:${id}`;
}

/**
 * The changes that record (or forget) `operations` as pending under `prefix`. An inbox entry is
 * scored by its cursor; when `cursor` is given as `'$c'` the command step fills it in.
 */
export function pendingChanges(prefix: string, operations: readonly WriteOperation[], how: 'record' | 'forget', cursor: number | '$c' | null = null): PendingChange[] {
  const changes: PendingChange[] = [];
  const add = (verb: Verb, key: string, a: string | number, b = '') => changes.push({ verb, key, a, b });
  for (const op of operations) {
    if (op.type === 'inbox.append') {
      const key = `${prefix}inbox:${op.entry.userId}`;
      if (how === 'record') add('zadd', key, cursor ?? op.entry.cursor, JSON.stringify(op.entry));
      else add('zremscore', key, op.entry.cursor);
    }
    const subject = subjectOf(op);
    if (!subject) continue;
    const key = pendingSubjectKey(prefix, subject.kind, subject.id);
    if (how === 'record') add('hset', key, op.id, JSON.stringify(op));
    else add('hdel', key, op.id);
    // Received hugs are found through the recipient's pending inbox entries; sent ones need their own set.
    if (op.type === 'hug.create') {
      if (how === 'record') add('zadd', `${prefix}sent:${op.hug.from}`, op.hug.sentAt, op.hug.id);
      else add('zrem', `${prefix}sent:${op.hug.from}`, op.hug.id);
    }
  }
  return changes;
}
