import type { PendingKeys } from '../../persistence/redis/pending-keys.js';
import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import { assertRuleName } from '../../persistence/redis/token-bucket-lua.js';
import { userRoute } from '../../persistence/write-behind/partition.js';
import { hugCreateId } from '../../persistence/write-behind/write-operation.js';
import type { QueueBackpressureError } from '../../persistence/write-behind/write-queue.js';
import { backpressureRefusal } from '../durable-writes.js';
import type { CommandStep, CommandSteps, StepCharge, StepOutcome } from './command-step.js';
import { COMMAND_STEP } from './command-step-script.js';
import { assertOwnRoute, onceOperation } from './step-operations.js';

/** The write-behind log as command steps append to it (the Redis Streams queue). */
export interface StepLog {
  /** The stream of `route`'s operations. */
  logOf(route: string): { readonly partition: number; readonly key: string };
  /** Reports what a step appended (depth, lag, `settled`). */
  appendedByStep(partition: number, lastId: string, count: number): void;
  /** The refusal a deferrable write gets now, or null. */
  backpressure(): QueueBackpressureError | null;
}

/**
 * The keys the step script touches, named as their own Redis implementations name them. In a Redis
 * Cluster every key of one user must carry the hash tag of that user's log partition.
 */
export interface StepKeys {
  /** A step's claim or `once` marker in `userId`'s state (a string key of the steps' own). */
  claim(userId: string, key: string): string;
  /** The rate-limit buckets of subject `key` (RedisRateLimiter). */
  buckets(key: string): string;
  /** A user's inbox counter (RedisInboxCursors). */
  cursor(userId: string): string;
  /** A user's presence hash (RedisPresence). */
  presence(userId: string): string;
  /** The pending writes' keys (RedisPendingWrites). */
  readonly pending: PendingKeys;
}

/** What {@link RedisCommandSteps} is built from. */
export interface RedisCommandStepsDeps {
  readonly redis: RedisClient;
  readonly log: StepLog;
  readonly keys: StepKeys;
  /** The store's last inbox cursor of a user whose counter is not in Redis yet. */
  readonly seed: (userId: string) => Promise<number>;
  /** How long pending writes stay visible if never written (longer than the lag bound). */
  readonly pendingTtlMs: number;
  /** The Redis clock as this node estimates it, for the buckets (null: the script reads it). */
  readonly redisNow?: () => number | null;
}

/** One subject's buckets and the rules charged there, in the step's order. */
interface SpecCharges {
  k: number;
  rules: { cap: number; rate: number; name: string }[];
}

/** Charges grouped by subject (in order of first appearance): one read and one write of each subject's buckets. */
function chargesBySubject(charges: readonly StepCharge[], keyOf: (subject: string) => number): SpecCharges[] {
  const bySubject = new Map<string, SpecCharges>();
  for (const c of charges) {
    let group = bySubject.get(c.key);
    if (!group) bySubject.set(c.key, (group = { k: keyOf(c.key), rules: [] }));
    group.rules.push({ cap: c.rule.capacity, rate: c.rule.refillPerSecond / 1000, name: assertRuleName(c.rule.name) });
  }
  return [...bySubject.values()];
}

interface SpecAppend {
  hug?: { k: number; field: string; to: string };
  once?: { k: number; ttl: number };
  pendingOnce?: { k: number; field: string };
  online?: number;
  cursor?: { k: number; seed: number };
  log: number;
  ops: number;
  inbox?: number[];
  pending: [string, number, string | number, string | number, 0 | 1][];
  ttl: number;
}

/**
 * {@link CommandSteps} of a cluster: each step is one call of one Lua script
 * ({@link COMMAND_STEP}) over the keys of one user, so a command costs one round trip per user it
 * touches, the cursor, the log entry and the pending write appear together, and the keys can share
 * one hash slot.
 */
export class RedisCommandSteps implements CommandSteps {
  constructor(private readonly deps: RedisCommandStepsDeps) {}

  async run(step: CommandStep): Promise<StepOutcome> {
    const { keys } = this.deps;
    const append = step.append;
    if (append && append.deferrable !== false) {
      const refusal = this.deps.log.backpressure();
      if (refusal) throw backpressureRefusal(refusal);
    }
    const keyList: string[] = [];
    const k = (key: string) => keyList.push(key);
    const spec: { claim?: { k: number; fp: string; ttl: number }; charges?: SpecCharges[]; append?: SpecAppend; now?: number } = {};
    if (step.claim) spec.claim = { k: k(keys.claim(step.userId, step.claim.key)), fp: step.claim.fingerprint, ttl: Math.max(1, Math.ceil(step.claim.ttlMs)) };
    if (step.charges?.length) {
      spec.charges = chargesBySubject(step.charges, (subject) => k(keys.buckets(subject)));
      const now = this.deps.redisNow?.() ?? null;
      if (now !== null) spec.now = now;
    }
    let partition = -1;
    let bodies: string[] = [];
    if (append) {
      assertOwnRoute(step.userId, append.operations);
      const inboxAt = append.operations.flatMap((op, i) => (op.type === 'inbox.append' ? [i + 1] : []));
      const log = this.deps.log.logOf(userRoute(step.userId));
      partition = log.partition;
      bodies = append.operations.map((op) => JSON.stringify(op));
      spec.append = {
        log: k(log.key),
        ops: bodies.length,
        // A pending record refers to its operation's body (1-based): each body crosses once, as an argument of its own.
        pending: keys.pending.changes(append.operations, 'record', true, (i) => i + 1).map((c) => [c.verb, k(c.key), c.a, c.b, c.expires ? 1 : 0]),
        ttl: this.deps.pendingTtlMs,
      };
      // A hug's operations are pending in its recipient's (this user's) partition hash: one key for both reads.
      const pendingOps = keys.pending.operations(step.userId);
      const once = append.once === 'while-pending' ? onceOperation(append) : null;
      const opsKey = append.hugId !== undefined || once ? k(pendingOps) : 0;
      if (append.hugId !== undefined) spec.append.hug = { k: opsKey, field: hugCreateId(append.hugId), to: step.userId };
      if (once) {
        spec.append.pendingOnce = { k: opsKey, field: once.id };
      } else if (append.once && append.once !== 'while-pending') {
        spec.append.once = { k: k(keys.claim(step.userId, append.once.key)), ttl: Math.max(1, Math.ceil(append.once.ttlMs)) };
      }
      if (append.reportOnline) spec.append.online = k(keys.presence(step.userId));
      if (inboxAt.length > 0) {
        spec.append.inbox = inboxAt;
        spec.append.cursor = { k: k(keys.cursor(step.userId)), seed: -1 };
      }
    }
    let reply = replyArray(await COMMAND_STEP.run(this.deps.redis, keyList, [JSON.stringify(spec), ...bodies]), COMMAND_STEP.name);
    if (replyNumber(reply[0], COMMAND_STEP.name) === 3 && spec.append?.cursor) {
      spec.append.cursor.seed = await this.deps.seed(step.userId);
      reply = replyArray(await COMMAND_STEP.run(this.deps.redis, keyList, [JSON.stringify(spec), ...bodies]), COMMAND_STEP.name);
    }
    return this.outcome(reply, step.userId, partition, append?.operations.length ?? 0);
  }

  async release(userId: string, claimKey: string): Promise<void> {
    await this.deps.redis.del(this.deps.keys.claim(userId, claimKey));
  }

  private outcome(reply: unknown[], userId: string, partition: number, appended: number): StepOutcome {
    const name = COMMAND_STEP.name;
    switch (replyNumber(reply[0], name)) {
      case 1: {
        const result = reply[2];
        return {
          kind: 'claimed-before',
          claim: { fresh: false, fingerprint: String(reply[1]), result: typeof result === 'string' ? result : null, expiresInMs: Math.max(0, replyNumber(reply[3], name)) },
        };
      }
      case 2:
        return { kind: 'rate-limited', rule: String(reply[1]), retryAfterMs: replyNumber(reply[2], name) };
      case 0: {
        const cursor = replyNumber(reply[1], name);
        const last = reply[4];
        if (typeof last === 'string' && partition >= 0) this.deps.log.appendedByStep(partition, last, appended);
        const done = { kind: 'done', cursor: cursor < 0 ? null : cursor, replayed: replyNumber(reply[2], name) === 1, online: replyNumber(reply[3], name) === 1 } as const;
        return typeof reply[5] === 'string' ? { ...done, hug: { from: reply[5], to: userId, sentAt: replyNumber(reply[6], name) } } : done;
      }
      case 4:
        return { kind: 'hug-not-pending' };
      case 5:
        return { kind: 'hug-of-another' };
      default:
        throw new Error(`${name}: unexpected reply ${JSON.stringify(reply)}`);
    }
  }
}
