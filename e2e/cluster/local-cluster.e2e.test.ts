import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson, register } from '../support/accounts.js';
import { freePort, ROOT, tempDataDir } from '../support/node-process.js';

/** Whether something accepts connections on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A base port whose next one is free too (the launcher puts node i on base + i). */
async function twoFreePorts(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const base = await freePort();
    if (base < 65535 && (await canBind(base + 1))) return base;
  }
  throw new Error('no two consecutive free ports');
}

interface Launcher {
  readonly child: ChildProcess;
  readonly out: string[];
  readonly exited: Promise<number | null>;
}

const launched: ChildProcess[] = [];

// Its waits allow a loaded 2-core machine a minute to start Redis and two nodes: the test must outlast them.
const CLUSTER_START_TIMEOUT_MS = 120_000;

function launch(nodes: number, port: number): Launcher {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/ops/local-cluster.ts', String(nodes)], {
    cwd: ROOT,
    // LOG_LEVEL=warn hides the nodes' `listening` line: readiness must not depend on it.
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PORT: String(port), DATA_DIR: tempDataDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launched.push(child);
  const out: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, out, exited };
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm run cluster:local (one Redis, N nodes, a shared DATA_DIR)', () => {
  afterEach(() => {
    for (const child of launched.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('starts two nodes that share the SQLite file even with LOG_LEVEL=warn, and SIGTERM stops nodes and Redis', async () => {
    const port = await twoFreePorts();
    const cluster = launch(2, port);
    await waitFor('the cluster banner', () => cluster.out.join('').includes('Ctrl-C stops it'), 60_000);
    const banner = cluster.out.join('');
    const redisPort = Number(/redis:\/\/127\.0\.0\.1:(\d+)/.exec(banner)?.[1]);
    expect(redisPort).toBeGreaterThan(0);
    for (const [i, url] of [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`].entries()) {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', nodeId: `node-${i}` });
    }
    // One account, registered on node 0, logs in on node 1: the nodes share DATA_DIR.
    const account = await register(`http://127.0.0.1:${port}`, 'shared');
    const login = await postJson(`http://127.0.0.1:${port + 1}`, '/v1/auth/login', { username: account.username, password: account.password });
    expect(login.status).toBe(200);

    cluster.child.kill('SIGTERM');
    expect(await cluster.exited).toBe(0);
    for (const p of [port, port + 1, redisPort]) expect(await listening(p)).toBe(false);
  }, CLUSTER_START_TIMEOUT_MS);

  it('a SIGTERM while the nodes start leaves no node behind', async () => {
    const port = await twoFreePorts();
    const cluster = launch(2, port);
    // Redis is up and node 0 is starting (it takes seconds to load and migrate).
    await waitFor('node 0 to be spawned', () => cluster.out.join('').includes('DEVELOPMENT JWT SECRET'), 60_000);
    cluster.child.kill('SIGTERM');
    expect(await cluster.exited).toBe(0);
    expect(cluster.out.join('')).toContain('stopped while starting');
    // An orphaned node would finish starting and listen; give it the time to.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const p of [port, port + 1]) expect(await listening(p)).toBe(false);
  }, CLUSTER_START_TIMEOUT_MS);
});
