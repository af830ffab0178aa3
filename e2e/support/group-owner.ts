import type { Redis } from 'ioredis';
import { RedisGroupHugDirectory, groupKey } from '../../rooms/group-hugs/redis-group-hug-directory.js';
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

/** The snapshot the directory holds for a group hug (its `version` and participants), read as stored. */
export async function storedSnapshot(redis: Redis, groupId: string): Promise<{ version: number; participants: string[]; phase: string }> {
  const text = await redis.hget(groupKey(groupId), 'state');
  if (!text) throw new Error(`no snapshot for ${groupId}`);
  return JSON.parse(text) as { version: number; participants: string[]; phase: string };
}
