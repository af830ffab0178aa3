import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisCluster } from '../../server/ops/redis-cluster-process.js';
import { disposeRedisServer, type RedisServer, startRedisServer } from '../../test-support/redis-server.js';
import { e2eStoreEnv, type LogLine, ROOT, type ServerProcess, type StartOptions, startNodeProcess, tempDataDir } from './node-process.js';

/** A secret every node of a test cluster shares (tokens issued by one node are valid on all). */
export const CLUSTER_JWT_SECRET = 'cluster-test-secret-0123456789abcdef0123456789';

/** Settings every node of a test cluster gets: fast sweeps, one shared secret. */
export const CLUSTER_DEFAULTS: Readonly<Record<string, string>> = {
  JWT_SECRET: CLUSTER_JWT_SECRET,
  PRESENCE_NODE_TIMEOUT_MS: '3000',
};

/** Several server processes over one Redis and one shared `DATA_DIR` (the local-cluster shape). */
export interface TestCluster extends NodeCluster {
  readonly redis: RedisServer;
}

/** Server processes over one Redis or one Redis Cluster, and one shared `DATA_DIR`. */
export interface NodeCluster {
  readonly dataDir: string;
  /** Node processes by index; a killed node keeps its slot until restarted. */
  readonly nodes: ServerProcess[];
  /** Starts (or restarts) node `index` with the cluster's settings. */
  startNode(index: number, env?: Readonly<Record<string, string>>): Promise<ServerProcess>;
  /** Starts a `npm run worker` process (write-behind workers only) with the cluster's settings. */
  startWorker(): Promise<WorkerProcess>;
  /** Stops every node still running (SIGTERM), then Redis. */
  stop(): Promise<void>;
}

/** A write-behind worker process (`server/worker.ts`). */
export interface WorkerProcess {
  readonly pid: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Options for {@link startCluster}. */
export interface ClusterOptions {
  readonly nodes?: number;
  readonly env?: Readonly<Record<string, string>>;
  /** Redis with AOF (`appendfsync everysec`), for tests that restart it. */
  readonly appendOnly?: boolean;
}

/** Starts a Redis on a free port and `nodes` node processes (ids `node-0`…) sharing it and a data folder. */
export async function startCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const redis = await startRedisServer({ appendOnly: options.appendOnly ?? false });
  const nodes = await startNodes({ env: { REDIS_URL: redis.url }, dispose: () => disposeRedisServer(redis) }, options);
  return { ...nodes, redis };
}

/** Where the nodes' Redis is: the settings that point at it, and how to stop it. */
interface RedisBackend {
  readonly env: Readonly<Record<string, string>>;
  dispose(): Promise<void>;
}

/**
 * Starts a three-master Redis Cluster on free ports and `nodes` node processes on it
 * (`REDIS_CLUSTER_NODES`), with as many log partitions as the suites' default store asks, times
 * four, so users spread over the masters.
 */
export async function startClusterOnRedisCluster(options: ClusterOptions = {}): Promise<NodeCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-e2e-redis-cluster-'));
  const redis = await startRedisCluster({ masters: 3, dir });
  const dispose = async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const seeds = redis.seeds.map((s) => `${s.host}:${s.port}`).join(',');
  return startNodes({ env: { REDIS_CLUSTER_NODES: seeds, QUEUE_PARTITIONS: '12' }, dispose }, options);
}

async function startNodes(backend: RedisBackend, options: ClusterOptions): Promise<NodeCluster> {
  const dataDir = tempDataDir();
  // Every node on one store: the shared SQLite file, or (mongodb projects) one database.
  const store = e2eStoreEnv();
  const nodes: ServerProcess[] = [];
  const startNode = async (index: number, env: Readonly<Record<string, string>> = {}) => {
    const node = await startNodeProcess({
      dataDir,
      env: { ...CLUSTER_DEFAULTS, ...store, ...options.env, ...backend.env, NODE_ID: `node-${index}`, ...env },
    });
    nodes[index] = node;
    return node;
  };
  try {
    // The first node creates the SQLite file and runs its migrations; the others then start together.
    await startNode(0);
    await Promise.all(Array.from({ length: (options.nodes ?? 3) - 1 }, (_, i) => startNode(i + 1)));
  } catch (error) {
    await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
    await backend.dispose();
    throw error;
  }
  const workers: WorkerProcess[] = [];
  const startWorker = () =>
    new Promise<WorkerProcess>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: process.env['HOME'] ?? '/tmp',
          NODE_ENV: 'test',
          ...CLUSTER_DEFAULTS,
          ...store,
          ...options.env,
          DATA_DIR: dataDir,
          ...backend.env,
          NODE_ID: `worker-${workers.length}`,
          HOST: '127.0.0.1',
          PORT: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      process.once('exit', () => child.kill('SIGKILL'));
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      let errors = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (errors += c));
      const timer = setTimeout(() => reject(new Error(`worker did not start: ${errors}`)), 20_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        if (!chunk.includes('"event":"worker-ready"')) return;
        clearTimeout(timer);
        const worker: WorkerProcess = {
          pid: child.pid as number,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        };
        workers.push(worker);
        resolve(worker);
      });
    });
  return {
    dataDir,
    nodes,
    startNode,
    startWorker,
    async stop() {
      await Promise.all([...nodes.map((n) => n.stop()), ...workers.map((w) => w.stop())]);
      await backend.dispose();
    },
  };
}

/**
 * A three-node cluster behind the {@link ServerProcess} face, so the single-node suites run across
 * nodes unchanged: every read of `url` names the next node, so consecutive clients (and HTTP
 * calls) land on different nodes.
 */
export async function startClusterAsServer(options: StartOptions): Promise<ServerProcess> {
  if (options.dataDir !== undefined || options.port !== undefined) {
    throw new Error('a restart test (fixed dataDir or port) must pass { single: true }: it tests one node');
  }
  // The across-nodes-redis-cluster project (HUGMOOD_E2E_REDIS=cluster) runs the nodes on a Redis Cluster.
  const cluster = process.env['HUGMOOD_E2E_REDIS'] === 'cluster' ? await startClusterOnRedisCluster({ env: options.env }) : await startCluster({ env: options.env });
  const first = cluster.nodes[0];
  if (!first) throw new Error('the cluster has no node');
  let next = 0;
  return {
    get url() {
      const node = cluster.nodes[next % cluster.nodes.length] ?? first;
      next += 1;
      return node.url;
    },
    port: first.port,
    metricsUrl: first.metricsUrl,
    metricsUrlOf(url) {
      const node = cluster.nodes.find((n) => n.url === url);
      if (!node) throw new Error(`${url} is no node of this cluster`);
      return node.metricsUrl;
    },
    dataDir: cluster.dataDir,
    pid: first.pid,
    transport: first.transport,
    get logs(): LogLine[] {
      return cluster.nodes.flatMap((n) => n.logs);
    },
    get stderr(): string[] {
      return cluster.nodes.flatMap((n) => n.stderr);
    },
    async stop(signal) {
      const codes = await Promise.all(cluster.nodes.map((n) => n.stop(signal)));
      await cluster.stop();
      return codes[0] ?? null;
    },
  };
}
