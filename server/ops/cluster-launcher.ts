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
}

/** The repository root (this file is server/ops/). */
const ROOT = resolve(import.meta.dirname, '../..');

function startNode(nodeId: string, port: number, env: Readonly<Record<string, string>>, onLine?: (nodeId: string, line: string) => void): Promise<LocalNode> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), NODE_ID: nodeId },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolveNode, reject) => {
    let buffered = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`${nodeId} did not listen within 60 s`)), 60_000);
    void exited.then((code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`${nodeId} exited with ${code} before listening`));
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => onLine?.(nodeId, chunk.trimEnd()));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        onLine?.(nodeId, line);
        if (!ready && line.includes('"event":"listening"')) {
          ready = true;
          clearTimeout(timer);
          resolveNode({ nodeId, port, url: `http://127.0.0.1:${port}`, pid: child.pid as number, exited });
        }
      }
    });
  });
}

/**
 * Starts the local-cluster shape on this machine: a `redis-server` with AOF in `DATA_DIR/redis`
 * on a free port, then node 0 (which creates the SQLite file, migrates it and, outside production,
 * the development JWT secret every node then shares), then the other nodes together.
 */
export async function launchLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const redisDir = join(options.dataDir, 'redis');
  mkdirSync(redisDir, { recursive: true });
  const redis = await startRedisProcess({ port: await freePort(), dir: redisDir, appendOnly: true });
  const env = (i: number) => ({ DATA_DIR: options.dataDir, REDIS_URL: redis.url, ...options.env, ...options.nodeEnv?.(i) });
  const nodes: LocalNode[] = [];
  const stop = async () => {
    await Promise.all(
      nodes.map(async (n) => {
        process.kill(n.pid, 'SIGTERM');
        await n.exited;
      }),
    );
    await redis.stop();
  };
  try {
    nodes.push(await startNode('node-0', options.basePort, env(0), options.onLine));
    const rest = await Promise.all(
      Array.from({ length: options.nodes - 1 }, (_, k) => startNode(`node-${k + 1}`, options.basePort + k + 1, env(k + 1), options.onLine)),
    );
    nodes.push(...rest);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  return { redis, nodes, dataDir: options.dataDir, stop };
}
