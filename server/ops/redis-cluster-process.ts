import { spawn } from 'node:child_process';
import { Cluster } from 'ioredis';
import { freePort } from './free-port.js';
import { type RedisProcess, startRedisProcess } from './redis-process.js';

/** A Redis Cluster of `redis-server` processes this program started (tests, the bench). */
export interface RedisClusterProcesses {
  /** One process per master, in the order of their ports. */
  readonly masters: readonly RedisProcess[];
  /** Where a cluster client starts: every master's address. */
  readonly seeds: readonly { readonly host: string; readonly port: number }[];
  /** Stops every node (SIGTERM, or SIGKILL). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Cluster nodes talk on their port + 10,000: both must be free, and below 65,536. */
async function clusterPort(taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await freePort();
    if (port > 55_000 || taken.has(port) || taken.has(port + 10_000)) continue;
    if (await isFree(port + 10_000)) return port;
  }
  throw new Error('no free port pair (p, p + 10000) on 127.0.0.1 for a cluster node');
}

async function isFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${out}`))));
  });
}

/**
 * Starts a Redis Cluster of `masters` masters (no replicas) on free ports of 127.0.0.1, each in
 * its own folder under `dir`, joins them with `redis-cli --cluster create`, and waits until every
 * node reports `cluster_state:ok` and a client sees all slots served.
 */
export async function startRedisCluster(options: { readonly masters: number; readonly dir: string; readonly appendOnly?: boolean }): Promise<RedisClusterProcesses> {
  const ports: number[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < options.masters; i += 1) {
    const port = await clusterPort(taken);
    taken.add(port);
    taken.add(port + 10_000);
    ports.push(port);
  }
  const masters: RedisProcess[] = [];
  const stop = async (signal?: NodeJS.Signals) => {
    await Promise.all(masters.map((m) => m.stop(signal)));
  };
  try {
    for (const port of ports) {
      masters.push(
        await startRedisProcess({
          port,
          dir: options.dir,
          appendOnly: options.appendOnly ?? false,
          extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '2000', '--appendfilename', `appendonly-${port}.aof`, '--appenddirname', `aof-${port}`],
        }),
      );
    }
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    await waitUntilServed(ports);
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  }
  return { masters, seeds: ports.map((port) => ({ host: '127.0.0.1', port })), stop };
}

/** Waits until every node agrees the cluster is up: state ok and all 16,384 slots assigned. */
async function waitUntilServed(ports: readonly number[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const infos = await Promise.all(ports.map((port) => run('redis-cli', ['-p', String(port), 'cluster', 'info']).catch(() => '')));
    if (infos.every((info) => info.includes('cluster_state:ok') && info.includes('cluster_slots_ok:16384'))) break;
    if (Date.now() > deadline) throw new Error(`the cluster on ${ports.join(', ')} did not come up within 20 s: ${infos.join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A client learns the slot map once every node serves it.
  const client = new Cluster(ports.map((port) => ({ host: '127.0.0.1', port })), { lazyConnect: true });
  try {
    await client.connect();
    await client.set('hm:cluster:probe', '1');
    await client.del('hm:cluster:probe');
  } finally {
    client.disconnect();
  }
}
