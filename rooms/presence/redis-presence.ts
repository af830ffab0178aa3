import type { Redis } from 'ioredis';
import { type DevicePresence, aggregatePresence } from '../../domain/presence-status.js';
import { z } from 'zod';
import { deviceKindSchema } from '../../protocol/ids.js';
import type { DeviceStatus } from '../../protocol/schemas/presence.js';
import { replyArray, replyNumber } from '../../persistence/redis/redis-script.js';
import type { Presence, PresenceChange, PresenceSnapshot } from './presence.js';
import type { PresenceCluster, SweepStep, SweptUser } from './presence-cluster.js';
import { CONNECT, DISCONNECT, HEARTBEAT, LINGER, SWEEP, UPDATE } from './redis-presence-scripts.js';

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
 * be found and swept ({@link PresenceCluster}). Every call is one atomic script: multi-device users
 * stay online while any device on any node is active, and concurrent calls never lose an entry.
 */
export class RedisPresence implements Presence, PresenceCluster {
  /** The full prefix, for keys a script builds itself. */
  private readonly p: string;
  /** The prefix inside the connection's, for keys passed as KEYS. */
  private readonly local: string;
  private readonly seenTtlMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisPresenceOptions,
  ) {
    // Scripts build some keys themselves, so they need the connection's own prefix too.
    this.local = options.prefix ?? 'hm:p:';
    this.p = `${redis.options.keyPrefix ?? ''}${this.local}`;
    this.seenTtlMs = options.seenTtlMs ?? 7 * 24 * 3600 * 1000;
  }

  async connect(userId: string, device: DevicePresence): Promise<PresenceChange> {
    const entry = JSON.stringify({ ...device, node: this.options.nodeId });
    const reply = replyArray(
      await CONNECT.run(this.redis, [this.userKey(userId), this.seenKey(userId), this.nodeKey(this.options.nodeId)], [
        device.deviceId,
        entry,
        `${userId}\n${device.deviceId}`,
        `${this.p}n:`,
        this.options.nodeId,
      ]),
      CONNECT.name,
    );
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
    const reply = replyArray(
      await DISCONNECT.run(this.redis, [this.userKey(userId), this.seenKey(userId)], [
        deviceId,
        connId,
        at,
        `${this.p}n:`,
        `${userId}\n${deviceId}`,
        this.seenTtlMs,
      ]),
      DISCONNECT.name,
    );
    if (reply.length === 0) return null;
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

  private async sweep(limit: number, node: string): Promise<SweepStep | null> {
    const reply = replyArray(
      await SWEEP.run(this.redis, [this.nodesKey()], [this.options.nodeId, this.options.nodeTimeoutMs, limit, this.p, this.seenTtlMs, node]),
      SWEEP.name,
    );
    if (reply.length === 0) return null;
    const lastHeartbeatAt = replyNumber(reply[1], SWEEP.name);
    const swept: SweptUser[] = [];
    for (let i = 3; i + 2 < reply.length; i += 3) {
      const after = devicesOf(reply[i + 2], SWEEP.name);
      swept.push({
        userId: String(reply[i]),
        change: changeOf(devicesOf(reply[i + 1], SWEEP.name), after, after.length === 0 ? lastHeartbeatAt : null),
      });
    }
    return { nodeId: String(reply[0]), lastHeartbeatAt, swept, more: replyNumber(reply[2], SWEEP.name) === 1 };
  }

  async leave(): Promise<void> {
    await this.redis.zrem(this.nodesKey(), this.options.nodeId);
  }

  // Keys passed as KEYS get the connection's prefix from ioredis; keys built inside scripts use `this.p`.
  /** The Redis key of a user's device hash (command steps read whether the user is online from it). */
  userKey(userId: string): string {
    return `${this.local}u:${userId}`;
  }

  private seenKey(userId: string): string {
    return `${this.local}seen:${userId}`;
  }

  private nodeKey(nodeId: string): string {
    return `${this.local}n:${nodeId}`;
  }

  private nodesKey(): string {
    return `${this.local}nodes`;
  }
}
