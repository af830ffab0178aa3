import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort } from '../server/ops/free-port.js';

/** The FerretDB release CI builds (scripts/install-ferretdb.sh). */
export const FERRETDB_VERSION = 'v1.24.2';

/** How to get one, for skip messages. */
export const FERRETDB_HOW_TO = 'run scripts/install-ferretdb.sh (needs Go; .ci/run does it and sets REQUIRE_MONGO=1), or set MONGO_URL to a MongoDB server';

/** Where a FerretDB binary is: `FERRETDB_BIN`, the one scripts/install-ferretdb.sh builds, or `ferretdb` on the PATH; `null` when none runs. */
export function ferretDbBinary(): string | null {
  const candidates = [process.env['FERRETDB_BIN'], join(homedir(), '.cache', 'hugmood', `ferretdb-${FERRETDB_VERSION}`, 'ferretdb'), 'ferretdb'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (candidate.includes('/') && !existsSync(candidate)) continue;
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}

/** A FerretDB (MongoDB wire protocol, SQLite backend) a test started on a free port of 127.0.0.1. */
export interface FerretDbServer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts FerretDB with its embedded SQLite backend in a temporary folder, on a free port (never
 * 27017), and waits until it answers a ping. It is killed when this process exits.
 */
export async function startFerretDb(): Promise<FerretDbServer> {
  const binary = ferretDbBinary();
  if (!binary) throw new Error(`no FerretDB binary: ${FERRETDB_HOW_TO}`);
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-ferretdb-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const url = `mongodb://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`ferretdb exited with ${child.exitCode}: ${stderr}`);
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 300 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`ferretdb did not answer on ${port} within 20 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await client.close();
    }
  }
  return {
    url,
    pid: child.pid as number,
    async stop() {
      process.off('exit', kill);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
