import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.js';
import { type RedisProcess, startRedisProcess } from './redis-process.js';

/** One node process of a local cluster. */
export interface LocalNode {
  readonly nodeId: string;
  readonly port: number;
  readonly url: string;
  readonly pid: number;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
}

/** A running local cluster: one Redis, N nodes on consecutive ports, one shared `DATA_DIR`. */
export interface LocalCluster {
  readonly redis: RedisProcess;
  readonly nodes: readonly LocalNode[];
  readonly dataDir: string;
  /** SIGTERM to every node (each drains), then Redis. */
  stop(): Promise<void>;
}

/** Options for {@link launchLocalCluster}. */
export interface LocalClusterOptions {
  readonly nodes: number;
  /** Node i listens on `basePort + i`. */
  readonly basePort: number;
  readonly dataDir: string;
  /** Settings every node gets (on top of this process's environment). */
  readonly env?: Readonly<Record<string, string>>;
  /** Node i gets these on top (e.g. `WORKERS=0`). */
  readonly nodeEnv?: (index: number) => Readonly<Record<string, string>>;
  /** Hears each node's log lines. */
  readonly onLine?: (nodeId: string, line: string) => void;
  /** Aborting it while the cluster starts stops whatever already runs, and rejects. */
  readonly signal?: AbortSignal;
}

/** The repository root (this file is server/ops/). */
const ROOT = resolve(import.meta.dirname, '../..');

const READY_WITHIN_MS = 60_000;
const READY_POLL_MS = 100;

/** Whether the node answers `GET /readyz` with 200 and its own `nodeId` (not some other process on that port). */
async function answersReady(url: string, nodeId: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) });
    if (response.status !== 200) return false;
    const body = (await response.json()) as { nodeId?: unknown };
    return body.nodeId === nodeId;
  } catch {
    return false;
  }
}

/** A `METRICS_PORT` given to the cluster is the first node's: node `index` gets that plus `index` (0 stays 0: free ports). */
function metricsPortOf(index: number, base: string | undefined): Record<string, string> {
  const first = Number(base);
  if (!base || !Number.isInteger(first) || first === 0) return {};
  return { METRICS_PORT: String(first + index) };
}

/** A node process that may still be starting. */
interface StartingNode {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  /** Resolves once `/readyz` answers; rejects if the process exits or stays unready for 60 s. */
  readonly ready: Promise<LocalNode>;
}

/**
 * Spawns one node and watches `/readyz` until it answers, whatever `LOG_LEVEL` hides. Log lines go
 * to `onLine`.
 */
function startNode(nodeId: string, index: number, port: number, env: Readonly<Record<string, string>>, onLine?: (nodeId: string, line: string) => void): StartingNode {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), NODE_ID: nodeId, ...metricsPortOf(index, env['METRICS_PORT'] ?? process.env['METRICS_PORT']) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      exitCode = code;
      done(code);
    }),
  );
  const forward = (stream: NodeJS.ReadableStream | null) => {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        onLine?.(nodeId, buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
      }
    });
  };
  forward(child.stdout);
  forward(child.stderr);
  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    const deadline = Date.now() + READY_WITHIN_MS;
    for (;;) {
      if (exitCode !== undefined) throw new Error(`${nodeId} exited with ${exitCode} before it was ready`);
      if (await answersReady(url, nodeId)) return { nodeId, port, url, pid: child.pid as number, exited };
      if (Date.now() > deadline) throw new Error(`${nodeId} was not ready on ${url}/readyz within ${READY_WITHIN_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
  })();
  return { child, exited, ready };
}

/**
 * Starts the local-cluster shape on this machine: a `redis-server` with AOF in `DATA_DIR/redis`
 * on a free port, then node 0 (which creates the SQLite file, migrates it and, outside production,
 * the development JWT secret every node then shares), then the other nodes together. A node counts
 * as started once its `/readyz` answers with its own `nodeId`.
 */
export async function launchLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  options.signal?.throwIfAborted();
  const redisDir = join(options.dataDir, 'redis');
  mkdirSync(redisDir, { recursive: true });
  const redis = await startRedisProcess({ port: await freePort(), dir: redisDir, appendOnly: true });
  const env = (i: number) => ({ DATA_DIR: options.dataDir, REDIS_URL: redis.url, ...options.env, ...options.nodeEnv?.(i) });
  // Every process spawned, ready or not, so a stop during startup leaves none behind.
  const spawned: StartingNode[] = [];
  const launch = (i: number) => {
    const node = startNode(`node-${i}`, i, options.basePort + i, env(i), options.onLine);
    spawned.push(node);
    // A node stopped while starting rejects after nobody awaits it any more: not an unhandled rejection.
    node.ready.catch(() => undefined);
    return node.ready;
  };
  const stop = async () => {
    await Promise.all(
      spawned.map(async (n) => {
        if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGTERM');
        await n.exited;
      }),
    );
    await redis.stop();
  };
  const aborted = new Promise<never>((_, reject) => {
    if (!options.signal) return;
    options.signal.addEventListener('abort', () => reject(new Error('the local cluster was stopped while starting')), { once: true });
  });
  aborted.catch(() => undefined);
  try {
    const first = await Promise.race([launch(0), aborted]);
    const rest = await Promise.race([Promise.all(Array.from({ length: options.nodes - 1 }, (_, k) => launch(k + 1))), aborted]);
    return { redis, nodes: [first, ...rest], dataDir: options.dataDir, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
