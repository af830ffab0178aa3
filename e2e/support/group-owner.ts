import type { Redis } from 'ioredis';
import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';
import { restoreSnapshot } from '../../rooms/group-hugs/group-hug-snapshot.js';
import { groupChangesKey, groupKey, RedisGroupHugDirectory } from '../../rooms/group-hugs/redis-group-hug-directory.js';
import { eventually } from './clients.js';

/** The live owner of a group hug, as the directory in Redis says. */
export async function ownerOf(redis: Redis, groupId: string): Promise<{ node: string; token: number } | null> {
  const owner = await new RedisGroupHugDirectory(redis).owner(groupId);
  return owner && { node: owner.nodeId, token: owner.token };
}

/** Waits until a node other than `dead` holds a live lease; returns it and how long that took since `since`. */
export async function nextOwner(redis: Redis, groupId: string, dead: string, since: number): Promise<{ node: string; token: number; ms: number }> {
  const next = await eventually(async () => {
    const o = await ownerOf(redis, groupId);
    return o && o.node !== dead ? o : undefined;
  }, 10_000, `a new owner after ${dead}`);
  return { ...next, ms: Date.now() - since };
}

/** The state the directory holds for a group hug, read as stored: its last snapshot and the changes after it. */
export async function storedSnapshot(redis: Redis, groupId: string): Promise<GroupHugState> {
  const [text, changes] = await Promise.all([redis.hget(groupKey(groupId), 'state'), redis.lrange(groupChangesKey(groupId), 0, -1)]);
  if (!text) throw new Error(`no snapshot for ${groupId}`);
  return restoreSnapshot(text, changes, groupId);
}
