import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';

/** A `redis-server` process this program started (a test, the bench, `npm run cluster:local`). */
export interface RedisProcess {
  readonly port: number;
  readonly url: string;
  /** The PID of the running server, `null` while stopped. */
  readonly pid: number | null;
  /** Stops it (SIGTERM, or SIGKILL to simulate a crash) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and folder (what survives depends on `appendOnly`). */
  start(): Promise<void>;
}

/** Options for {@link startRedisProcess}. */
export interface RedisProcessOptions {
  /** A port on 127.0.0.1. */
  readonly port: number;
  /** Its data folder (AOF files when `appendOnly`). */
  readonly dir: string;
  /** AOF with `appendfsync everysec`, as production runs it. */
  readonly appendOnly: boolean;
  /** More `redis-server` arguments (a cluster node's, for example). */
  readonly extraArgs?: readonly string[];
}

/** Whether a `redis-server` binary is on the PATH. */
export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(500, () => socket.destroy());
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(reply.startsWith('+PONG')));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      socket.end();
    });
  });
}

/**
 * Starts `redis-server` on 127.0.0.1 with `maxmemory-policy noeviction` (the server refuses any
 * other policy) and waits until it answers. It is killed when this process exits.
 */
export async function startRedisProcess(options: RedisProcessOptions): Promise<RedisProcess> {
  if (!redisServerAvailable()) throw new Error('redis-server is not installed: apt-get install -y redis-server (macOS: brew install redis)');
  const { port } = options;
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', options.dir,
    '--save', '',
    '--maxmemory-policy', 'noeviction',
    '--appendonly', options.appendOnly ? 'yes' : 'no',
    '--appendfsync', 'everysec',
    '--daemonize', 'no',
    '--loglevel', 'warning',
    ...(options.extraArgs ?? []),
  ];
  let child: ChildProcess | null = null;
  process.once('exit', () => child?.kill('SIGKILL'));

  const start = async () => {
    const proc = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    const deadline = Date.now() + 10_000;
    while (!(await ping(port))) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited with ${proc.exitCode}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${port} within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    await exited;
    child = null;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid ?? null;
    },
    start,
    stop,
  };
}
