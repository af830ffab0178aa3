import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../server/ops/free-port.js';
import { type RedisProcess, startRedisProcess } from '../server/ops/redis-process.js';

export { redisServerAvailable } from '../server/ops/redis-process.js';

/** A real `redis-server` started by a test, on a free port of 127.0.0.1 (never 6379). */
export interface RedisServer extends RedisProcess {
  /** Its temporary data folder. */
  readonly dir: string;
}

/** Options for {@link startRedisServer}. */
export interface RedisServerOptions {
  /** AOF with `appendfsync everysec`, as production runs it. Off by default (faster tests). */
  readonly appendOnly?: boolean;
}

/** Starts `redis-server` on a free port in a temporary folder. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-redis-'));
  const redis = await startRedisProcess({ port: await freePort(), dir, appendOnly: options.appendOnly ?? false });
  return Object.assign(redis, { dir });
}

/** Stops `server` and removes its folder. */
export async function disposeRedisServer(server: RedisServer | undefined): Promise<void> {
  if (!server) return;
  await server.stop();
  rmSync(server.dir, { recursive: true, force: true });
}
