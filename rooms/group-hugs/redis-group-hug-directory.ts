import type { RedisClient } from '../../persistence/redis/redis-client.js';
import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';
import { replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import type { AcquireResult, GroupHugDirectory, GroupLease } from './group-hug-directory.js';
import { decodeSnapshot, deltaBetween, encodeDelta, encodeSnapshot, restoreSnapshot } from './group-hug-snapshot.js';
import { memberChanges, membersOf } from './group-members.js';
import { ACQUIRE, CREATE, ORPHANS, OWNER, RELEASE, RETIRE, SAVE } from './redis-group-hug-scripts.js';

/** The index of running group hugs by lease deadline, for the orphan sweep (a hint: the hash decides). */
/** The sorted set of running group hugs by lease deadline (the sweep's index). */
export const ACTIVE = 'hm:groups:active';
/** The hash holding one group hug's lease, fencing token and last full snapshot (field `state`). */
export const groupKey = (groupId: string) => `hm:group:{${groupId}}`;
/** The changes saved since that snapshot, oldest first (same hash slot). */
export const groupChangesKey = (groupId: string) => `hm:group:{${groupId}}:changes`;

/** One user's group hugs not yet ended (a set of ids, in the user's hash slot). */
export const memberGroupsKey = (userId: string) => `hm:group-member:{${userId}}`;

/** Changes kept before the next save writes a full snapshot again (compaction). */
export const COMPACT_AFTER_CHANGES = 64;

/** What this node appended since the last full snapshot of a group hug it owns. */
interface ChangeLog {
  count: number;
  bytes: number;
  /** How long the snapshot they follow is: changes that outweigh it are compacted. */
  readonly snapshotBytes: number;
}

/**
 * {@link GroupHugDirectory} in Redis, for a cluster: one hash per group hug (lease, fencing token,
 * last full snapshot), a list of the changes saved since that snapshot, and one sorted set of
 * running group hugs by lease deadline, so any node can find the orphans of a dead one. Each
 * operation on a group hug is one Lua script over its two keys, which share its hash slot (so it
 * runs on Redis Cluster too): every fencing check is atomic with the write it guards, and lease
 * times come from Redis's clock. The index is written beside the script, in the same round trip,
 * unless this node's last entry is within an eighth of a lease of the new deadline and not after
 * it (a burst of saves writes it about once per eighth of a lease): an entry never runs ahead of
 * its lease, so a dead owner's group hug is found as soon as before, and a stale entry only makes a
 * sweep ask for a lease that is still held (or gone, and then it is dropped).
 *
 * A save given the state it follows appends only the change (a join is one id, whatever the
 * group's size). After {@link COMPACT_AFTER_CHANGES} changes, or once they outweigh the snapshot,
 * the next save writes the whole state and drops the list. A new owner restores the snapshot and
 * replays the changes, each checked to follow the version before it.
 */
export class RedisGroupHugDirectory implements GroupHugDirectory {
  private readonly logs = new Map<string, ChangeLog>();
  /** The deadline this node last wrote to each of its group hugs' index entries (by its clock, as the entry holds). */
  private readonly indexedUntil = new Map<string, number>();

  constructor(private readonly redis: RedisClient) {}

  async create(state: GroupHugState, nodeId: string, leaseMs: number): Promise<GroupLease | null> {
    // Indexed first (a create that fails leaves an entry the sweep drops), in the same round trip.
    const snapshot = encodeSnapshot(state);
    const [, created] = await Promise.all([this.index(state.id, leaseMs), CREATE.run(this.redis, this.keys(state.id), [nodeId, leaseMs, snapshot])]);
    const untilMs = replyNumber(created, CREATE.name);
    if (untilMs === 0) {
      this.indexedUntil.delete(state.id);
      return null;
    }
    this.logs.set(state.id, { count: 0, bytes: 0, snapshotBytes: snapshot.length });
    await this.changeMembers(state.id, [...membersOf(state)], []);
    return { groupId: state.id, nodeId, token: 1 };
  }

  async owner(groupId: string): Promise<{ nodeId: string; token: number } | null> {
    const reply = replyArray(await OWNER.run(this.redis, [groupKey(groupId)], []), OWNER.name);
    return reply.length === 2 ? { nodeId: String(reply[0]), token: replyNumber(reply[1], OWNER.name) } : null;
  }

  async acquire(groupId: string, nodeId: string, leaseMs: number): Promise<AcquireResult> {
    const reply = replyArray(await ACQUIRE.run(this.redis, this.keys(groupId), [nodeId, leaseMs]), ACQUIRE.name);
    switch (replyNumber(reply[0], ACQUIRE.name)) {
      case 1: {
        const changes = replyArray(reply[3], ACQUIRE.name).map(String);
        const snapshot = String(reply[2]);
        const state = restoreSnapshot(snapshot, changes, groupId);
        await this.redis.zadd(ACTIVE, replyNumber(reply[4], ACQUIRE.name), groupId);
        this.logs.set(groupId, { count: changes.length, bytes: changes.reduce((sum, c) => sum + c.length, 0), snapshotBytes: snapshot.length });
        return { kind: 'acquired', lease: { groupId, nodeId, token: replyNumber(reply[1], ACQUIRE.name) }, state };
      }
      case 0:
        return { kind: 'held', owner: String(reply[1]), token: replyNumber(reply[2], ACQUIRE.name) };
      case -2:
        await this.redis.zrem(ACTIVE, groupId);
        return { kind: 'final', state: decodeSnapshot(String(reply[1]), groupId) };
      default:
        await this.redis.zrem(ACTIVE, groupId);
        return { kind: 'missing' };
    }
  }

  async renew(lease: GroupLease, leaseMs: number): Promise<boolean> {
    return this.fencedSave(lease, leaseMs, '', '');
  }

  async save(lease: GroupLease, state: GroupHugState, leaseMs: number, since?: GroupHugState): Promise<boolean> {
    const log = this.logs.get(lease.groupId);
    const change = since && log && log.count < COMPACT_AFTER_CHANGES ? encodeDelta(deltaBetween(since, state)) : null;
    const snapshot = change === null || (log && log.bytes + change.length > Math.max(2048, log.snapshotBytes)) ? encodeSnapshot(state) : null;
    const [mode, body] = snapshot !== null ? ['S', snapshot] : ['D', change ?? ''];
    try {
      const saved = await this.fencedSave(lease, leaseMs, mode, body);
      if (!saved) this.logs.delete(lease.groupId);
      else if (mode === 'S') this.logs.set(lease.groupId, { count: 0, bytes: 0, snapshotBytes: body.length });
      else if (log) Object.assign(log, { count: log.count + 1, bytes: log.bytes + body.length });
      if (saved) {
        // Only the owner that saved writes who is in it; without `since`, it can only add.
        const { added, removed } = since ? memberChanges(since, state) : { added: [...membersOf(state)], removed: [] };
        await this.changeMembers(lease.groupId, added, removed);
      }
      return saved;
    } catch (error) {
      // It may or may not have landed: the next save writes the whole state.
      this.logs.delete(lease.groupId);
      throw error;
    }
  }

  async retire(lease: GroupLease, state: GroupHugState, retainMs: number): Promise<boolean> {
    this.logs.delete(lease.groupId);
    this.indexedUntil.delete(lease.groupId);
    const retired = replyNumber(await RETIRE.run(this.redis, this.keys(lease.groupId), [lease.nodeId, lease.token, encodeSnapshot(state), retainMs]), RETIRE.name) === 1;
    if (retired) await Promise.all([this.redis.zrem(ACTIVE, lease.groupId), this.changeMembers(lease.groupId, [], [...membersOf(state)])]);
    return retired;
  }

  async release(lease: GroupLease): Promise<void> {
    this.logs.delete(lease.groupId);
    this.indexedUntil.delete(lease.groupId);
    if (replyNumber(await RELEASE.run(this.redis, [groupKey(lease.groupId)], [lease.nodeId, lease.token]), RELEASE.name) === 1) {
      // Free now: the next sweep (on any node) takes it.
      await this.redis.zadd(ACTIVE, 0, lease.groupId);
    }
  }

  async memberOf(userId: string): Promise<string[]> {
    return this.redis.smembers(memberGroupsKey(userId));
  }

  async forgetMember(userId: string, groupId: string): Promise<void> {
    await this.redis.srem(memberGroupsKey(userId), groupId);
  }

  /** One command per user: their keys are in their own hash slots, not the group hug's. */
  private async changeMembers(groupId: string, added: readonly string[], removed: readonly string[]): Promise<void> {
    await Promise.all([...added.map((userId) => this.redis.sadd(memberGroupsKey(userId), groupId)), ...removed.map((userId) => this.redis.srem(memberGroupsKey(userId), groupId))]);
  }

  async orphans(limit: number): Promise<string[]> {
    return replyArray(await ORPHANS.run(this.redis, [ACTIVE], [limit]), ORPHANS.name).map(String);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private keys(groupId: string): string[] {
    return [groupKey(groupId), groupChangesKey(groupId)];
  }

  /**
   * A fenced save or renewal, with the index entry written in the same round trip, unless the entry
   * already says within an eighth of a lease of the new deadline (and not after it).
   */
  private async fencedSave(lease: GroupLease, leaseMs: number, mode: string, body: string): Promise<boolean> {
    const until = Date.now() + leaseMs;
    const indexed = this.indexedUntil.get(lease.groupId);
    const indexDue = indexed === undefined || indexed > until || until - indexed >= leaseMs / 8;
    try {
      const [reply] = await Promise.all([
        SAVE.run(this.redis, this.keys(lease.groupId), [lease.nodeId, lease.token, leaseMs, mode, body]),
        indexDue ? this.index(lease.groupId, leaseMs) : null,
      ]);
      const saved = replyNumber(reply, SAVE.name) !== 0;
      if (!saved) this.indexedUntil.delete(lease.groupId);
      return saved;
    } catch (error) {
      // The entry may not have been written: the next save writes it.
      this.indexedUntil.delete(lease.groupId);
      throw error;
    }
  }

  /** Tells the sweep when the lease runs out (by this node's clock: a hint, within its skew). */
  private index(groupId: string, leaseMs: number): Promise<unknown> {
    const until = Date.now() + leaseMs;
    this.indexedUntil.set(groupId, until);
    return this.redis.zadd(ACTIVE, until, groupId);
  }
}
