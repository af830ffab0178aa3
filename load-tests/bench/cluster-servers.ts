import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdapterKind } from '../../server/infrastructure/socket-adapter.js';
import type { RedisTarget } from '../../persistence/redis/redis-client.js';
import { freePort } from '../../server/ops/free-port.js';
import { startRedisCluster } from '../../server/ops/redis-cluster-process.js';
import { type RedisProcess, startRedisProcess } from '../../server/ops/redis-process.js';
import type { BenchOptions } from './bench-options.js';
import { type BenchServer, spawnServer } from './bench-server.js';
import { BENCH_JWT_SECRET } from './seed.js';
import { OURS_RAISED_LIMITS, profileArgs } from './servers.js';
import type { ServerKind } from './worker-messages.js';

/** The Redis a bench cluster runs on: one process, or the masters of a Redis Cluster. */
export interface BenchRedis {
  readonly target: RedisTarget;
  /** Every Redis process (one, or each master): their CPU and commands are summed. */
  readonly servers: readonly RedisProcess[];
  /** The settings that point a node at it. */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/** Log partitions on a Redis Cluster: four per master, so users spread over the three. */
const CLUSTER_PARTITIONS = '12';

/**
 * Starts the bench's Redis (AOF everysec, as in production): one `redis-server`, or with
 * `--redis cluster` a three-master Redis Cluster (ours gets `REDIS_CLUSTER_NODES` and 12 partitions).
 */
async function startBenchRedis(kind: BenchOptions['redis'], dir: string): Promise<BenchRedis> {
  if (kind === 'single') {
    const redis = await startRedisProcess({ port: await freePort(), dir, appendOnly: true });
    return { target: { url: redis.url }, servers: [redis], env: { REDIS_URL: redis.url }, stop: () => redis.stop() };
  }
  const cluster = await startRedisCluster({ masters: 3, dir, appendOnly: true });
  return {
    target: { clusterSeeds: cluster.seeds },
    servers: cluster.masters,
    env: { REDIS_CLUSTER_NODES: cluster.seeds.map((s) => `${s.host}:${s.port}`).join(','), QUEUE_PARTITIONS: CLUSTER_PARTITIONS },
    stop: () => cluster.stop(),
  };
}

/** A cluster the bench started: its Redis and N node processes. */
export interface BenchCluster {
  readonly redis: BenchRedis;
  /** Node processes by index (a restarted node replaces its slot), then ours' worker process if any. */
  readonly nodes: readonly BenchServer[];
  /** Starts node `index` again (after a kill), with the same `NODE_ID` (and `env` on top). */
  restart(index: number, env?: Readonly<Record<string, string>>): Promise<BenchServer>;
  stop(): Promise<void>;
}

/**
 * Starts `nodes` processes of `kind` joined by the Redis `adapter`: ours in the local-cluster
 * shape (shared SQLite `dataDir`, BullMQ write-behind with workers in every node), or the baseline
 * relay with the same adapter, transport and wire format.
 */
export async function startBenchCluster(
  kind: ServerKind,
  options: BenchOptions,
  nodes: number,
  adapter: AdapterKind,
  dataDir: string,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<BenchCluster> {
  const redisDir = mkdtempSync(join(tmpdir(), 'hugmood-bench-redis-'));
  const redis = await startBenchRedis(options.redis, redisDir);
  const started: BenchServer[] = [];
  const stop = async () => {
    await Promise.all(started.map((n) => n.stop()));
    await redis.stop();
    rmSync(redisDir, { recursive: true, force: true });
  };
  const env = (i: number): Record<string, string> => {
    const common = { PORT: '0', TRANSPORT: options.transport, WIRE: options.wire, ...redis.env, REDIS_ADAPTER: adapter, ...extraEnv };
    if (kind === 'baseline') return common;
    const workers: Record<string, string> = options.worker === 'process' ? { WORKERS: '0' } : {};
    return { ...common, ...OURS_RAISED_LIMITS, ...workers, DATA_DIR: dataDir, JWT_SECRET: BENCH_JWT_SECRET, NODE_ID: `bench-node-${i}`, LOG_LEVEL: 'info', METRICS_PORT: '0' };
  };
  const script = kind === 'ours' ? 'server/main.ts' : join('load-tests', 'bench', 'baseline-server.ts');
  try {
    // Node 0 first: it migrates the shared SQLite file; the others then start together.
    started.push(await spawnServer(`${kind}-0`, script, env(0), profileArgs(options, `${kind}-0`)));
    started.push(...(await Promise.all(Array.from({ length: nodes - 1 }, (_, k) => spawnServer(`${kind}-${k + 1}`, script, env(k + 1), profileArgs(options, `${kind}-${k + 1}`))))));
    if (kind === 'ours' && options.worker === 'process') {
      // One write-behind worker process beside the nodes, counted with them (the last slot).
      started.push(await spawnServer(`${kind}-worker`, 'server/worker.ts', { ...env(nodes), NODE_ID: 'bench-worker', WORKERS: '1' }, [], 'worker-ready'));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const restart = async (index: number, more: Readonly<Record<string, string>> = {}) => {
    const node = await spawnServer(`${kind}-${index}`, script, { ...env(index), ...more });
    started[index] = node;
    return node;
  };
  return { redis, nodes: started, restart, stop };
}
