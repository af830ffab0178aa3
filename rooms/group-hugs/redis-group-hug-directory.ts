import type { Redis } from 'ioredis';
import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';
import { replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import type { AcquireResult, GroupHugDirectory, GroupLease } from './group-hug-directory.js';
import { decodeSnapshot, encodeSnapshot } from './group-hug-snapshot.js';
import { ACQUIRE, CREATE, ORPHANS, OWNER, RELEASE, RETIRE, SAVE } from './redis-group-hug-scripts.js';

const ACTIVE = 'hm:groups:active';
/** The hash holding one group hug's lease, fencing token and snapshot (field `state`). */
export const groupKey = (groupId: string) => `hm:group:{${groupId}}`;

/**
 * {@link GroupHugDirectory} in Redis, for a cluster: one hash per group hug (lease, fencing token,
 * snapshot) and one sorted set of running group hugs by lease deadline, so any node can find the
 * orphans of a dead one. Each operation is one Lua script, so every fencing check is atomic with
 * the write it guards, and lease times come from Redis's clock.
 */
export class RedisGroupHugDirectory implements GroupHugDirectory {
  constructor(private readonly redis: Redis) {}

  async create(state: GroupHugState, nodeId: string, leaseMs: number): Promise<GroupLease | null> {
    const created = replyNumber(await CREATE.run(this.redis, [groupKey(state.id), ACTIVE], [nodeId, leaseMs, encodeSnapshot(state), state.id]), CREATE.name);
    return created === 1 ? { groupId: state.id, nodeId, token: 1 } : null;
  }

  async owner(groupId: string): Promise<{ nodeId: string; token: number } | null> {
    const reply = replyArray(await OWNER.run(this.redis, [groupKey(groupId)], []), OWNER.name);
    return reply.length === 2 ? { nodeId: String(reply[0]), token: replyNumber(reply[1], OWNER.name) } : null;
  }

  async acquire(groupId: string, nodeId: string, leaseMs: number): Promise<AcquireResult> {
    const reply = replyArray(await ACQUIRE.run(this.redis, [groupKey(groupId), ACTIVE], [nodeId, leaseMs, groupId]), ACQUIRE.name);
    switch (replyNumber(reply[0], ACQUIRE.name)) {
      case 1:
        return { kind: 'acquired', lease: { groupId, nodeId, token: replyNumber(reply[1], ACQUIRE.name) }, state: decodeSnapshot(String(reply[2]), groupId) };
      case 0:
        return { kind: 'held', owner: String(reply[1]), token: replyNumber(reply[2], ACQUIRE.name) };
      case -2:
        return { kind: 'final', state: decodeSnapshot(String(reply[1]), groupId) };
      default:
        return { kind: 'missing' };
    }
  }

  async renew(lease: GroupLease, leaseMs: number): Promise<boolean> {
    return this.fenced(SAVE.run(this.redis, [groupKey(lease.groupId), ACTIVE], [lease.nodeId, lease.token, leaseMs, '', lease.groupId]), SAVE.name);
  }

  async save(lease: GroupLease, state: GroupHugState, leaseMs: number): Promise<boolean> {
    return this.fenced(SAVE.run(this.redis, [groupKey(lease.groupId), ACTIVE], [lease.nodeId, lease.token, leaseMs, encodeSnapshot(state), lease.groupId]), SAVE.name);
  }

  async retire(lease: GroupLease, state: GroupHugState, retainMs: number): Promise<boolean> {
    return this.fenced(RETIRE.run(this.redis, [groupKey(lease.groupId), ACTIVE], [lease.nodeId, lease.token, encodeSnapshot(state), retainMs, lease.groupId]), RETIRE.name);
  }

  async release(lease: GroupLease): Promise<void> {
    await RELEASE.run(this.redis, [groupKey(lease.groupId), ACTIVE], [lease.nodeId, lease.token, lease.groupId]);
  }

  async orphans(limit: number): Promise<string[]> {
    return replyArray(await ORPHANS.run(this.redis, [ACTIVE], [limit]), ORPHANS.name).map(String);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private async fenced(reply: Promise<unknown>, script: string): Promise<boolean> {
    return replyNumber(await reply, script) === 1;
  }
}
