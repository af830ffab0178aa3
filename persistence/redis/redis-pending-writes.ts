import type { InboxRecord } from '../store/inbox-repository.js';
import type { HugDirection, PendingWrites, SubjectRef } from '../write-behind/pending-writes.js';
import { type WriteOperation, writeOperationSchema } from '../write-behind/write-operation.js';
import { type PendingChange, PendingKeys, parseSentMember } from './pending-keys.js';
import type { RedisClient } from './redis-client.js';
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

/**
 * {@link PendingWrites} in Redis, shared by the cluster, under the keys of {@link PendingKeys}, each
 * expiring `ttlMs` after its last write. Recording and forgetting are one atomic script each, over
 * the keys of one log partition when the operations are (a command step's, a written batch's).
 */
export class RedisPendingWrites implements PendingWrites {
  constructor(
    private readonly redis: RedisClient,
    private readonly ttlMs: number,
    /** The keys (command steps and the log's writers record and forget under the same ones). */
    readonly keys = new PendingKeys(),
  ) {}

  async record(operations: readonly WriteOperation[]): Promise<void> {
    await this.applyGrouped(this.keys.changes(operations, 'record'));
  }

  async forget(operations: readonly WriteOperation[]): Promise<void> {
    await this.applyGrouped(this.keys.changes(operations, 'forget'));
  }

  hugOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    return this.operationsOf('hug', refs);
  }

  requestOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    return this.operationsOf('request', refs);
  }

  async newHugs(userId: string, direction: HugDirection): Promise<SubjectRef[]> {
    if (direction === 'received') return (await this.inboxAfter(userId, 0)).flatMap((e) => (e.type === 'hug' ? [{ id: e.ref, recipient: userId }] : []));
    // One set per partition of the recipients: a history read, not the hot path.
    const sets = await Promise.all(this.keys.sentByUser(userId).map((key) => this.redis.zrange(key, 0, -1)));
    return sets.flat().flatMap((member) => parseSentMember(member) ?? []);
  }

  async inboxAfter(userId: string, after: number): Promise<InboxRecord[]> {
    const flat = await this.redis.zrangebyscore(this.keys.inbox(userId), `(${after}`, '+inf', 'WITHSCORES');
    const entries: InboxRecord[] = [];
    // The score is the cursor: a command step records the entry before its cursor is in the JSON.
    for (let i = 0; i + 1 < flat.length; i += 2) entries.push({ ...(JSON.parse(flat[i] ?? '') as InboxRecord), cursor: Number(flat[i + 1]) });
    return entries;
  }

  /** The connection belongs to the composition root, which closes it. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  /** One script per hash slot the changes touch (one, for the operations of one partition). */
  private async applyGrouped(changes: readonly PendingChange[]): Promise<void> {
    const bySlot = new Map<string, PendingChange[]>();
    for (const change of changes) {
      const tag = hashTagOf(change.key);
      const group = bySlot.get(tag);
      if (group) group.push(change);
      else bySlot.set(tag, [change]);
    }
    await Promise.all(
      [...bySlot.values()].map((group) =>
        APPLY.run(
          this.redis,
          group.map((c) => c.key),
          [this.ttlMs, ...group.flatMap((c) => [c.verb, c.a, c.b])],
        ),
      ),
    );
  }

  private async operationsOf(kind: 'hug' | 'request', refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    const found = new Map<string, WriteOperation[]>();
    // One round trip per hug: reads here are a handful of ids (a receipt, a sync page's hugs).
    const read = async (ref: SubjectRef) => {
      if (ref.recipient !== null) return this.redis.hvals(this.keys.subject(kind, ref.id, ref.recipient));
      return (await Promise.all(this.keys.subjectAnywhere(kind, ref.id).map((key) => this.redis.hvals(key)))).flat();
    };
    const all = await Promise.all(refs.map(read));
    refs.forEach(({ id }, i) => {
      const ops = (all[i] ?? []).flatMap((v) => {
        const parsed = writeOperationSchema.safeParse(JSON.parse(v));
        return parsed.success ? [parsed.data] : [];
      });
      if (ops.length > 0) found.set(id, ops);
    });
    return found;
  }
}

/** The hash tag of `key` (the text between its first `{` and the next `}`), or the whole key. */
function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}
