import type { InboxRecord } from '../store/inbox-repository.js';
import { bySlot } from './hash-slots.js';
import { type HugDirection, type OwnedFamily, ownedOperationOrder, type PendingWrites, type SubjectRef, subjectOperationIds, subjectOperationTime } from '../write-behind/pending-writes.js';
import { type WriteOperation, writeOperationSchema } from '../write-behind/write-operation.js';
import { FORGET_PENDING_LUA, forgetArguments, mergeForgets, PendingKeys, parseSentMember, sentRangeOf } from './pending-keys.js';
import type { RedisClient } from './redis-client.js';
import { RedisScript, replyNumber } from './redis-script.js';

/**
 * KEYS[i] the key of change i
 * ARGV[1] TTL in ms, then 4 per change: verb (hset | zadd), a, b, and 1 when the key takes the TTL
 *   hset key a b · zadd key score=a member=b
 * Records every change atomically. One script per command or batch rather than a MULTI, so no
 * client-side pipeline is built on the hot path.
 */
const RECORD = new RedisScript(
  'pending-record',
  `
local ttl = ARGV[1]
for i, key in ipairs(KEYS) do
  local verb, a, b, expires = ARGV[4 * i - 2], ARGV[4 * i - 1], ARGV[4 * i], ARGV[4 * i + 1]
  if verb == 'hset' then
    redis.call('HSET', key, a, b)
  elseif verb == 'zadd' then
    redis.call('ZADD', key, a, b)
  end
  if expires == '1' then
    redis.call('PEXPIRE', key, ttl)
  end
end
return #KEYS
`,
);

/** KEYS and ARGV of {@link FORGET_PENDING_LUA}: forgets, merged by key, atomically. */
const FORGET = new RedisScript(
  'pending-forget',
  `
${FORGET_PENDING_LUA}
forget_pending(1, 1)
return #KEYS
`,
);

/**
 * KEYS[1] a partition's operations hash, KEYS[2] its sent set
 * ARGV[1] n, ARGV[2..n+1] stale fields of the hash, ARGV[n+2..] stale members of the set
 * Removes the stale entries. Returns how many were named.
 */
const SWEEP = new RedisScript(
  'pending-sweep',
  `
local n = tonumber(ARGV[1])
if n > 0 then
  redis.call('HDEL', KEYS[1], unpack(ARGV, 2, n + 1))
end
if #ARGV > n + 1 then
  redis.call('ZREM', KEYS[2], unpack(ARGV, n + 2))
end
return #ARGV - 1
`,
);

/**
 * {@link PendingWrites} in Redis, shared by the cluster, under the keys of {@link PendingKeys}: a
 * user's inbox set expires `ttlMs` after its last write, and what a partition's own keys hold past
 * `ttlMs` is removed by {@link RedisPendingWrites.sweep}. Recording and forgetting are one atomic
 * script each, over the keys of one log partition when the operations are (a command step's, a
 * written batch's).
 */
export class RedisPendingWrites implements PendingWrites {
  constructor(
    private readonly redis: RedisClient,
    private readonly ttlMs: number,
    /** The keys (command steps and the log's writers record and forget under the same ones). */
    readonly keys = new PendingKeys(),
  ) {}

  async record(operations: readonly WriteOperation[]): Promise<void> {
    await Promise.all(
      bySlot(this.keys.changes(operations, 'record')).map((group) =>
        RECORD.run(
          this.redis,
          group.map((c) => c.key),
          [this.ttlMs, ...group.flatMap((c) => [c.verb, c.a, c.b, c.expires ? 1 : 0])],
        ),
      ),
    );
  }

  async forget(operations: readonly WriteOperation[]): Promise<void> {
    await Promise.all(
      bySlot(mergeForgets(this.keys.changes(operations, 'forget'))).map((group) =>
        FORGET.run(
          this.redis,
          group.map((f) => f.key),
          forgetArguments(group),
        ),
      ),
    );
  }

  /** {@link sweepPendingPartition} of every partition over this TTL (each partition's writer sweeps its own). */
  async sweepAll(now: number): Promise<number> {
    const swept = await Promise.all(this.keys.partitions().map((p) => sweepPendingPartition(this.redis, this.keys, this.ttlMs, p, now)));
    return swept.reduce((a, b) => a + b, 0);
  }

  hugOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    return this.operationsOf('hug', refs);
  }

  requestOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    return this.operationsOf('request', refs);
  }

  async newHugs(userId: string, direction: HugDirection): Promise<SubjectRef[]> {
    if (direction === 'received') return (await this.inboxAfter(userId, 0)).flatMap((e) => (e.type === 'hug' ? [{ id: e.ref, recipient: userId }] : []));
    // One set per partition of the recipients, the sender's own members by range: a history read, not the hot path.
    const [min, max] = sentRangeOf(userId);
    const sets = await Promise.all(this.keys.allSent().map((key) => this.redis.zrangebylex(key, min, max)));
    return sets.flat().flatMap((member) => {
      const sent = parseSentMember(member);
      return sent && sent.from === userId ? [{ id: sent.id, recipient: sent.recipient }] : [];
    });
  }

  async inboxAfter(userId: string, after: number): Promise<InboxRecord[]> {
    const flat = await this.redis.zrangebyscore(this.keys.inbox(userId), `(${after}`, '+inf', 'WITHSCORES');
    const entries: InboxRecord[] = [];
    // The score is the cursor: a command step records the entry before its cursor is in the JSON.
    for (let i = 0; i + 1 < flat.length; i += 2) entries.push({ ...(JSON.parse(flat[i] ?? '') as InboxRecord), cursor: Number(flat[i + 1]) });
    return entries;
  }

  async ownedOperations(userId: string, family: OwnedFamily): Promise<WriteOperation[]> {
    const bodies = await this.redis.hvals(this.keys.owned(userId, family));
    return bodies
      .flatMap((body) => {
        const parsed = writeOperationSchema.safeParse(JSON.parse(body));
        return parsed.success ? [parsed.data] : [];
      })
      .sort(ownedOperationOrder);
  }

  /** The connection belongs to the composition root, which closes it. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private async operationsOf(kind: 'hug' | 'request', refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    const found = new Map<string, WriteOperation[]>();
    // One round trip per hug: reads here are a handful of ids (a receipt, a sync page's hugs).
    const read = async (ref: SubjectRef) => {
      const fields = subjectOperationIds(kind, ref.id);
      if (ref.recipient !== null) return this.redis.hmget(this.keys.operations(ref.recipient), ...fields);
      return (await Promise.all(this.keys.allOperations().map((key) => this.redis.hmget(key, ...fields)))).flat();
    };
    const all = await Promise.all(refs.map(read));
    refs.forEach(({ id }, i) => {
      const ops = (all[i] ?? []).flatMap((v) => {
        if (v === null) return [];
        const parsed = writeOperationSchema.safeParse(JSON.parse(v));
        return parsed.success ? [parsed.data] : [];
      });
      if (ops.length > 0) found.set(id, ops);
    });
    return found;
  }
}

/**
 * Removes what partition `partition`'s own keys ({@link PendingKeys.ofPartition}) hold past `ttlMs`
 * by each operation's time (a sent hug's by its member): what a writer that died could not forget.
 * The partition's writer runs this now and then; it reads the partition's pending operations and
 * sent hugs once (in steady state a second or two of them). Returns how many entries it removed.
 */
export async function sweepPendingPartition(redis: RedisClient, keys: PendingKeys, ttlMs: number, partition: number, now: number): Promise<number> {
  const { operations, sent } = keys.ofPartition(partition);
  const before = now - ttlMs;
  const staleFields: string[] = [];
  await scanPairs((cursor) => redis.hscan(operations, cursor, 'COUNT', 500), (field, body) => {
    const at = pendingOperationTime(body);
    // One that cannot be read is stale too: no read can use it.
    if (at === null || at < before) staleFields.push(field);
  });
  const staleMembers: string[] = [];
  await scanPairs((cursor) => redis.zscan(sent, cursor, 'COUNT', 500), (member) => {
    if ((parseSentMember(member)?.sentAt ?? Number.NEGATIVE_INFINITY) < before) staleMembers.push(member);
  });
  let swept = 0;
  // A thousand at a time: Lua's unpack takes a few thousand arguments at most.
  for (let i = 0; i < staleFields.length; i += 1000) {
    const fields = staleFields.slice(i, i + 1000);
    swept += replyNumber(await SWEEP.run(redis, [operations, sent], [fields.length, ...fields]), SWEEP.name);
  }
  for (let i = 0; i < staleMembers.length; i += 1000) swept += replyNumber(await SWEEP.run(redis, [operations, sent], [0, ...staleMembers.slice(i, i + 1000)]), SWEEP.name);
  return swept;
}

/** The time of a pending operation's JSON body, or null when it is not one. */
function pendingOperationTime(body: string): number | null {
  try {
    const parsed = writeOperationSchema.safeParse(JSON.parse(body));
    return parsed.success ? subjectOperationTime(parsed.data) : null;
  } catch {
    return null;
  }
}

/** Visits every pair an `HSCAN` (field, value) or `ZSCAN` (member, score) of one key returns. */
async function scanPairs(scan: (cursor: string) => Promise<[string, string[]]>, visit: (first: string, second: string) => void): Promise<void> {
  let cursor = '0';
  do {
    const [next, flat] = await scan(cursor);
    cursor = next;
    for (let i = 0; i + 1 < flat.length; i += 2) visit(flat[i] ?? '', flat[i + 1] ?? '');
  } while (cursor !== '0');
}
