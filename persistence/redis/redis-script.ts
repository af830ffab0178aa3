import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-client.js';

/** Every script loaded in this process, by SHA1 (the bench names `EVALSHA` calls with it). */
const SCRIPT_NAMES = new Map<string, string>();

/** The name of the script with SHA1 `sha`, if this process defined it. */
export function scriptNameOf(sha: string): string | undefined {
  return SCRIPT_NAMES.get(sha.toLowerCase());
}

/**
 * A Lua script run by its SHA1 (`EVALSHA`), loaded on first use and again after a Redis restart
 * (`NOSCRIPT`). Each script's source starts with a header naming its KEYS, ARGV and return value.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(
    /** Names the script in errors. */
    readonly name: string,
    private readonly source: string,
  ) {
    this.sha = createHash('sha1').update(source).digest('hex');
    SCRIPT_NAMES.set(this.sha, name);
  }

  /** Runs the script atomically with `keys` and `args` (on a cluster, all of `keys` in one hash slot). */
  async run(redis: RedisClient, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

/** Reads a script's reply as an array (Lua tables arrive as arrays). */
export function replyArray(reply: unknown, script: string): unknown[] {
  if (!Array.isArray(reply)) throw new Error(`${script}: unexpected reply ${JSON.stringify(reply)}`);
  return reply as unknown[];
}

/** Reads a number from a script reply element. */
export function replyNumber(value: unknown, script: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new Error(`${script}: expected a number, got ${JSON.stringify(value)}`);
  return n;
}
