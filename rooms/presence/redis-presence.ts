import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { type DevicePresence, aggregatePresence } from '../../domain/presence-status.js';
import { z } from 'zod';
import { deviceKindSchema } from '../../protocol/ids.js';
import type { DeviceStatus } from '../../protocol/schemas/presence.js';
import { replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import type { Presence, PresenceChange, PresenceSnapshot } from './presence.js';
import type { PresenceCluster, SweepStep, SweptUser } from './presence-cluster.js';
import { CONNECT, DEAD_NODE, DISCONNECT, HEARTBEAT, LINGER, SWEEP_DEVICE, UPDATE } from './redis-presence-scripts.js';

/** Options for {@link RedisPresence}. */
export interface RedisPresenceOptions {
  /** This node: it owns the entries of the devices connected to it. */
  readonly nodeId: string;
  /** A node silent for longer than this is dead, and its entries are swept. */
  readonly nodeTimeoutMs: number;
  /** How long an offline user's `lastSeenAt` stays in Redis (the store keeps it for good). */
  readonly seenTtlMs?: number;
  /** Key prefix inside the connection's own prefix. */
  readonly prefix?: string;
  /**
   * The hash tag of a user's keys, braces included: the user hash and seen key share it, so each
   * script runs in one hash slot (Redis Cluster). Default: `{userId}`; a cluster node gives the
   * user's log partition tag, which command steps share.
   */
  readonly tagOf?: (userId: string) => string;
}

/** A device entry as stored in Redis (the `node` field is Redis's own bookkeeping). */
const storedDevice = z.object({
  connId: z.string(),
  deviceId: z.string(),
  kind: deviceKindSchema,
  status: z.enum(['active', 'away']),
  activity: z.string().nullable(),
  since: z.number(),
  lingering: z.boolean().optional(),
});

function parseDevice(json: unknown): DevicePresence {
  const parsed = typeof json === 'string' ? storedDevice.safeParse(JSON.parse(json)) : null;
  if (!parsed?.success) throw new Error(`presence: unreadable device entry ${String(json)}`);
  const { lingering, ...device } = parsed.data;
  return lingering ? { ...device, lingering } : device;
}

function devicesOf(values: unknown, script: string): DevicePresence[] {
  return replyArray(values, script).map(parseDevice);
}

function changeOf(before: readonly DevicePresence[], after: readonly DevicePresence[], lastSeenAt: number | null): PresenceChange {
  return { before: aggregatePresence(before), after: aggregatePresence(after), snapshot: { devices: after, lastSeenAt } };
}

/**
 * {@link Presence} shared by a cluster. Each device entry lives in its user's Redis hash and is
 * owned by the node its connection is on (listed in that node's set), so a dead node's entries can
 * be found and swept ({@link PresenceCluster}). Every change of a user's devices is one atomic
 * script over that user's keys (one hash slot): multi-device users stay online while any device on
 * any node is active, and concurrent calls never lose an entry. A node's set is only a hint for the
 * sweep, written beside the scripts: it gets the member before the entry exists and loses it after
 * the entry is gone, and the sweep removes an entry only if the user hash says the dead node holds it.
 */
export class RedisPresence implements Presence, PresenceCluster {
  /** The prefix inside the connection's. */
  private readonly local: string;
  private readonly seenTtlMs: number;
  private readonly tagOf: (userId: string) => string;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisPresenceOptions,
  ) {
    this.local = options.prefix ?? 'hm:p:';
    this.seenTtlMs = options.seenTtlMs ?? 7 * 24 * 3600 * 1000;
    this.tagOf = options.tagOf ?? ((userId) => `{${userId}}`);
  }

  async connect(userId: string, device: DevicePresence): Promise<PresenceChange> {
    const entry = JSON.stringify({ ...device, node: this.options.nodeId });
    const member = `${userId}\n${device.deviceId}`;
    // Listed first (in the same round trip), so this node's death finds the entry.
    const [, replied] = await Promise.all([
      this.redis.sadd(this.nodeKey(this.options.nodeId), member),
      CONNECT.run(this.redis, [this.userKey(userId), this.seenKey(userId)], [device.deviceId, entry]),
    ]);
    const reply = replyArray(replied, CONNECT.name);
    const was = reply[2];
    if (typeof was === 'string' && was !== this.options.nodeId) await this.redis.srem(this.nodeKey(was), member);
    return changeOf(devicesOf(reply[0], CONNECT.name), devicesOf(reply[1], CONNECT.name), null);
  }

  async update(
    userId: string,
    deviceId: string,
    connId: string,
    patch: { readonly status: DeviceStatus; readonly activity: string | null },
    at: number,
  ): Promise<PresenceChange | null> {
    const reply = replyArray(
      await UPDATE.run(this.redis, [this.userKey(userId)], [deviceId, connId, patch.status, JSON.stringify(patch.activity), at]),
      UPDATE.name,
    );
    if (reply.length === 0) return null;
    return changeOf(devicesOf(reply[0], UPDATE.name), devicesOf(reply[1], UPDATE.name), null);
  }

  async linger(userId: string, deviceId: string, connId: string): Promise<void> {
    await LINGER.run(this.redis, [this.userKey(userId)], [deviceId, connId]);
  }

  async disconnect(userId: string, deviceId: string, connId: string, at: number): Promise<PresenceChange | null> {
    const reply = replyArray(await DISCONNECT.run(this.redis, [this.userKey(userId), this.seenKey(userId)], [deviceId, connId, at, this.seenTtlMs]), DISCONNECT.name);
    if (reply.length === 0) return null;
    await this.redis.srem(this.nodeKey(String(reply[2])), `${userId}\n${deviceId}`);
    const after = devicesOf(reply[1], DISCONNECT.name);
    return changeOf(devicesOf(reply[0], DISCONNECT.name), after, after.length === 0 ? at : null);
  }

  async get(userIds: readonly string[]): Promise<Map<string, PresenceSnapshot>> {
    const found = new Map<string, PresenceSnapshot>();
    // Plain commands, not a pipeline: one round trip anyway, without a client-side pipeline object.
    const replies = await Promise.all(userIds.map((id) => Promise.all([this.redis.hvals(this.userKey(id)), this.redis.get(this.seenKey(id))])));
    userIds.forEach((id, i) => {
      const [devices, seen] = replies[i] ?? [[], null];
      const list = devices.map(parseDevice);
      if (list.length > 0) found.set(id, { devices: list, lastSeenAt: null });
      else if (seen !== null) found.set(id, { devices: [], lastSeenAt: Number(seen) });
    });
    return found;
  }

  async heartbeat(): Promise<boolean> {
    const reply = replyArray(await HEARTBEAT.run(this.redis, [this.nodesKey()], [this.options.nodeId]), HEARTBEAT.name);
    return replyNumber(reply[0], HEARTBEAT.name) === 1;
  }

  sweepStep(limit: number): Promise<SweepStep | null> {
    return this.sweep(limit, '');
  }

  clearOwnStep(limit: number): Promise<SweepStep | null> {
    return this.sweep(limit, this.options.nodeId);
  }

  /**
   * One step of clearing a dead node (or this one, named): up to `limit` members of its set, each
   * removed from its user's hash if the node still holds it, then taken off the set. A member is
   * taken off only after its entry is gone, so a sweeper that dies midway leaves it for the next;
   * two sweepers at once announce each removal once (the second finds nothing).
   */
  private async sweep(limit: number, forced: string): Promise<SweepStep | null> {
    const dead = replyArray(await DEAD_NODE.run(this.redis, [this.nodesKey()], [this.options.nodeId, this.options.nodeTimeoutMs, forced]), DEAD_NODE.name);
    if (dead.length === 0) return null;
    const nodeId = String(dead[0]);
    const lastHeartbeatAt = replyNumber(dead[1], DEAD_NODE.name);
    const set = this.nodeKey(nodeId);
    const members = await this.redis.srandmember(set, limit);
    // One script per member, all in flight at once (each in its user's slot).
    const results = await Promise.all(
      members.map(async (member): Promise<SweptUser | null> => {
        const sep = member.indexOf('\n');
        const userId = member.slice(0, sep);
        const reply = replyArray(
          await SWEEP_DEVICE.run(this.redis, [this.userKey(userId), this.seenKey(userId)], [member.slice(sep + 1), nodeId, lastHeartbeatAt, this.seenTtlMs]),
          SWEEP_DEVICE.name,
        );
        if (reply.length === 0) return null;
        const after = devicesOf(reply[1], SWEEP_DEVICE.name);
        return { userId, change: changeOf(devicesOf(reply[0], SWEEP_DEVICE.name), after, after.length === 0 ? lastHeartbeatAt : null) };
      }),
    );
    const swept = results.filter((r): r is SweptUser => r !== null);
    if (members.length > 0) await this.redis.srem(set, ...members);
    const more = (await this.redis.scard(set)) > 0;
    if (!more) await this.redis.zrem(this.nodesKey(), nodeId);
    return { nodeId, lastHeartbeatAt, swept, more };
  }

  async leave(): Promise<void> {
    await this.redis.zrem(this.nodesKey(), this.options.nodeId);
  }

  /** The Redis key of a user's device hash (command steps read whether the user is online from it). */
  userKey(userId: string): string {
    return `${this.local}u:${this.tagOf(userId)}:${userId}`;
  }

  private seenKey(userId: string): string {
    return `${this.local}seen:${this.tagOf(userId)}:${userId}`;
  }

  private nodeKey(nodeId: string): string {
    return `${this.local}n:${nodeId}`;
  }

  private nodesKey(): string {
    return `${this.local}nodes`;
  }
}
