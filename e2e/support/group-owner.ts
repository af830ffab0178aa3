import type { Redis } from 'ioredis';
import { eventually } from './clients.js';

/** The live owner of a group hug, read straight from the directory's hash in Redis. */
export async function ownerOf(redis: Redis, groupId: string): Promise<{ node: string; token: number; liveForMs: number } | null> {
  const [owner, token, until] = await redis.hmget(`hm:group:{${groupId}}`, 'owner', 'token', 'until');
  const [seconds, micros] = await redis.time();
  const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  if (!owner || !token || !until || Number(until) <= now) return null;
  return { node: owner, token: Number(token), liveForMs: Number(until) - now };
}

/** Waits until a node other than `dead` holds a live lease; returns it and how long that took since `since`. */
export async function nextOwner(redis: Redis, groupId: string, dead: string, since: number): Promise<{ node: string; token: number; ms: number }> {
  const next = await eventually(async () => {
    const o = await ownerOf(redis, groupId);
    return o && o.node !== dead ? o : undefined;
  }, 10_000, `a new owner after ${dead}`);
  return { node: next.node, token: next.token, ms: Date.now() - since };
}

/** The snapshot the directory holds for a group hug (its `version` and participants). */
export async function storedSnapshot(redis: Redis, groupId: string): Promise<{ version: number; participants: string[]; phase: string }> {
  const text = await redis.hget(`hm:group:{${groupId}}`, 'state');
  if (!text) throw new Error(`no snapshot for ${groupId}`);
  return JSON.parse(text) as { version: number; participants: string[]; phase: string };
}
