import { type PartitionTags, partitionTags } from '../redis-streams/stream-keys.js';
import { routeOf } from '../write-behind/partition.js';
import { type OwnedFamily, ownerOf, subjectOf } from '../write-behind/pending-writes.js';
import type { WriteOperation } from '../write-behind/write-operation.js';

/** Where pending writes live unless told otherwise. */
export const PENDING_PREFIX = 'hm:pw:';

/**
 * The keys of the pending writes in Redis (after `prefix`). Each carries the hash tag of the log
 * partition its operations are routed to, so the command step that records them and the batch that
 * forgets them touch one hash slot:
 *   {pN}:ops   hash opId -> operation JSON: the pending operations on hugs and hug requests whose
 *              recipient is in partition N (an operation's id names its subject, so a subject's
 *              operations are read by their ids)
 *   {pN}:sent   sorted set of `from NUL hugId NUL to NUL sentAt`, all scored 0: hugs sent to users of
 *               partition N whose creation is pending, read by sender as a lexicographic range
 *   {pN}:inbox:{userId}   sorted set of entry JSON by cursor (N: the user's partition)
 *   {pN}:moods:{userId}   hash opId -> operation JSON: the pending operations on a user's moods
 *                         and streak (N: the user's partition, where mood operations are routed)
 *   {pN}:notifications:{userId}   the same for a user's notifications (created, read, deleted)
 * The two keys of a partition hold only what is pending there: a written batch is forgotten from
 * each in one command, and they take no TTL (so a hug costs no expiry of its own); what a writer
 * that died could not forget is swept by age (`sweepPendingPartition`). A user's inbox set and
 * owned hashes expire with their last write.
 */
export class PendingKeys {
  constructor(
    readonly prefix: string = PENDING_PREFIX,
    private readonly tags: PartitionTags = partitionTags(1),
  ) {}

  /** The hash that holds the pending operations on hugs and hug requests sent to `recipient`. */
  operations(recipient: string): string {
    return this.opsIn(this.tags.user(recipient));
  }

  /** Every hash that may hold a subject's pending operations (one per partition). */
  allOperations(): string[] {
    return this.tags.all().map((tag) => this.opsIn(tag));
  }

  /** A user's pending inbox entries. */
  inbox(userId: string): string {
    return `${this.prefix}${this.tags.user(userId)}:inbox:${userId}`;
  }

  /** A user's pending operations of one owned family (moods, notifications). */
  owned(userId: string, family: OwnedFamily): string {
    return `${this.prefix}${this.tags.user(userId)}:${family}:${userId}`;
  }

  /** Every set of hugs sent whose creation is pending (one per partition of their recipients). */
  allSent(): string[] {
    return this.tags.all().map((tag) => this.sentIn(tag));
  }

  /** Every partition's number. */
  partitions(): number[] {
    return this.tags.all().map((_, p) => p);
  }

  /** The keys of partition `partition` that only its writer forgets from, and sweeps (`sweepPendingPartition`). */
  ofPartition(partition: number): { readonly operations: string; readonly sent: string } {
    const tag = this.tags.all()[partition];
    if (tag === undefined) throw new Error(`no log partition ${partition}`);
    return { operations: this.opsIn(tag), sent: this.sentIn(tag) };
  }

  /**
   * The changes that record (or forget) `operations` as pending. An inbox entry is scored by its
   * cursor; with `stepCursors` the command step fills it in (`'$cJ'`: the J-th cursor it reserves,
   * for the J-th entry). An operation's record is its JSON body, or `bodyRef(i)` when given (a
   * command step refers to the body it already sends).
   */
  changes(operations: readonly WriteOperation[], how: 'record' | 'forget', stepCursors = false, bodyRef?: (i: number) => string | number): PendingChange[] {
    const changes: PendingChange[] = [];
    const add = (verb: PendingVerb, key: string, a: string | number, b: string | number = '', expires = false) => changes.push({ verb, key, a, b, expires });
    let entries = 0;
    for (const [i, op] of operations.entries()) {
      if (op.type === 'inbox.append') {
        const key = this.inbox(op.entry.userId);
        entries += 1;
        if (how === 'record') add('zadd', key, stepCursors ? `$c${entries}` : op.entry.cursor, JSON.stringify(op.entry), true);
        else add('zremscore', key, op.entry.cursor);
      }
      const owned = ownerOf(op);
      if (owned !== null) {
        const key = this.owned(owned.owner, owned.family);
        if (how === 'record') add('hset', key, op.id, bodyRef ? bodyRef(i) : JSON.stringify(op), true);
        else add('hdel', key, op.id);
      }
      const subject = subjectOf(op);
      if (!subject) continue;
      const tag = this.tags.route(routeOf(op));
      const key = this.opsIn(tag);
      if (how === 'record') add('hset', key, op.id, bodyRef ? bodyRef(i) : JSON.stringify(op));
      else add('hdel', key, op.id);
      // Received hugs are found through the recipient's pending inbox entries; sent ones need their own set.
      if (op.type === 'hug.create') {
        const sent = this.sentIn(tag);
        const member = sentMember(op.hug.from, op.hug.id, op.hug.to, op.hug.sentAt);
        if (how === 'record') add('zadd', sent, 0, member);
        else add('zrem', sent, member);
      }
    }
    return changes;
  }

  private opsIn(tag: string): string {
    return `${this.prefix}${tag}:ops`;
  }

  private sentIn(tag: string): string {
    return `${this.prefix}${tag}:sent`;
  }
}

const SEP = '\u0000';

/**
 * A member of a `sent` set: the sender first (a sender's hugs are one lexicographic range, see
 * {@link sentRangeOf}), then the hug, its recipient (whose partition holds its operations) and when
 * it was sent (for the sweep).
 */
export const sentMember = (from: string, hugId: string, to: string, sentAt: number) => [from, hugId, to, String(sentAt)].join(SEP);

/** The `ZRANGEBYLEX` bounds of `from`'s members. */
export function sentRangeOf(from: string): [min: string, max: string] {
  return [`[${from}${SEP}`, `(${from}\u0001`];
}

/** The sender, hug, recipient and send time of a `sent` member. */
export function parseSentMember(member: string): { readonly from: string; readonly id: string; readonly recipient: string; readonly sentAt: number } | null {
  const [from, id, recipient, sentAt, ...rest] = member.split(SEP);
  if (from === undefined || id === undefined || recipient === undefined || sentAt === undefined || rest.length > 0 || !Number.isFinite(Number(sentAt))) return null;
  return { from, id, recipient, sentAt: Number(sentAt) };
}

type PendingVerb = 'hset' | 'zadd' | 'hdel' | 'zrem' | 'zremscore';

/**
 * One change to the pending keys: `hset key a b`, `zadd key a b` (score a, member b), `hdel key a`,
 * `zrem key a`, `zremscore key a`; `expires`: the key takes the pending TTL (a user's inbox set).
 */
export interface PendingChange {
  readonly verb: PendingVerb;
  readonly key: string;
  readonly a: string | number;
  readonly b: string | number;
  readonly expires: boolean;
}

/**
 * Forgetting, merged by key: one `HDEL` of every field and one `ZREM` of every member a key loses,
 * and one range of cursors per inbox set (from the lowest to the highest forgotten: a user's
 * entries are queued, and so written, in cursor order; one in between that was dead-lettered is
 * forgotten with them, as its TTL would have done).
 */
export interface MergedForget {
  readonly verb: 'hdel' | 'zrem' | 'zremrange';
  readonly key: string;
  /** Fields, members, or [lowest, highest] score. */
  readonly args: readonly (string | number)[];
}

/**
 * Lua that applies {@link MergedForget}s: `forget_pending(first_key, first_arg)` reads, from
 * KEYS[first_key] on, one key per forget and, from ARGV[first_arg] on, per key its verb, the
 * number of its arguments and those (see {@link forgetArguments}).
 */
export const FORGET_PENDING_LUA = `
local function forget_pending(first_key, first_arg)
  local at = first_arg
  for i = first_key, #KEYS do
    local verb, n = ARGV[at], tonumber(ARGV[at + 1])
    local args = {}
    for j = 1, n do
      args[j] = ARGV[at + 1 + j]
    end
    at = at + 2 + n
    if verb == 'hdel' then
      redis.call('HDEL', KEYS[i], unpack(args))
    elseif verb == 'zrem' then
      redis.call('ZREM', KEYS[i], unpack(args))
    elseif verb == 'zremrange' then
      redis.call('ZREMRANGEBYSCORE', KEYS[i], args[1], args[2])
    end
  end
end
`;

/** The arguments {@link FORGET_PENDING_LUA} reads for `forgets` (their keys go in the same order). */
export function forgetArguments(forgets: readonly MergedForget[]): (string | number)[] {
  return forgets.flatMap((f) => [f.verb, f.args.length, ...f.args]);
}

/** {@link MergedForget}s of `changes` (forgetting ones; others are refused), in order of first appearance. */
export function mergeForgets(changes: readonly PendingChange[]): MergedForget[] {
  const byKey = new Map<string, { verb: MergedForget['verb']; key: string; args: (string | number)[] }>();
  for (const c of changes) {
    const verb = c.verb === 'hdel' ? 'hdel' : c.verb === 'zrem' ? 'zrem' : c.verb === 'zremscore' ? 'zremrange' : null;
    if (verb === null) throw new Error(`${c.verb} does not forget`);
    const merged = byKey.get(c.key);
    if (!merged) byKey.set(c.key, { verb, key: c.key, args: verb === 'zremrange' ? [c.a, c.a] : [c.a] });
    else if (merged.verb !== verb) throw new Error(`pending key ${c.key} forgotten by ${merged.verb} and ${verb}`);
    else if (verb === 'zremrange') merged.args = [Math.min(Number(merged.args[0]), Number(c.a)), Math.max(Number(merged.args[1]), Number(c.a))];
    else merged.args.push(c.a);
  }
  // Lua's unpack takes a few thousand arguments at most: a long list is forgotten in parts.
  return [...byKey.values()].flatMap((f) => (f.args.length <= MAX_FORGET_ARGS ? [f] : chunk(f.args, MAX_FORGET_ARGS).map((args) => ({ ...f, args }))));
}

const MAX_FORGET_ARGS = 1000;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
