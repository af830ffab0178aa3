import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { isTrouble, keepLogs, type LogLine } from './server-logs.js';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export type { LogLine } from './server-logs.js';

/** A real server running as its own process. */
export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number;
  readonly transport: string;
  /** Where this server (or, in a cluster, its first node) serves `/metrics`. */
  readonly metricsUrl: string;
  /** Where the node listening at `url` serves `/metrics`. */
  metricsUrlOf(url: string): string;
  readonly logs: LogLine[];
  readonly stderr: string[];
  /** Sends `signal` (default SIGTERM) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Options for {@link startServer}. */
export interface StartOptions {
  /** Extra settings; they override the test defaults. */
  readonly env?: Readonly<Record<string, string>>;
  /** Reuse a data folder (restart tests); a fresh temporary one otherwise. */
  readonly dataDir?: string;
  /** Fixed port (restart tests); 0 (a free port chosen by the OS) otherwise. */
  readonly port?: number;
  /** One process even in the cluster project (tests of one node's own behaviour). */
  readonly single?: boolean;
  /** Node's arguments that start the server: the TypeScript sources under tsx unless given (the build: `['dist/server/main.js']`). */
  readonly entry?: readonly string[];
}

/** How the suites start a server: its TypeScript sources, through tsx. */
export const SOURCE_ENTRY: readonly string[] = ['--import', 'tsx', 'server/main.ts'];

const started = new Set<ChildProcess>();

/** A fresh temporary data folder, removed at process exit. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-e2e-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export { freePort } from '../../server/ops/free-port.js';

/**
 * The store settings of the project's shape: none (SQLite in the data folder) by default; in the
 * `*-mongodb` projects (`HUGMOOD_E2E_STORE=mongo`), the run's MongoDB server and a database of its
 * own for each server (or cluster) a test starts.
 */
export function e2eStoreEnv(): Record<string, string> {
  if (process.env['HUGMOOD_E2E_STORE'] !== 'mongo') return {};
  return { MONGO_URL: inject('mongoUrl'), MONGO_DATABASE: `e2e_${randomUUID().replaceAll('-', '').slice(0, 20)}` };
}

/** Settings every test server gets unless a test overrides them. */
export const TEST_DEFAULTS: Readonly<Record<string, string>> = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  PRESENCE_GRACE_MS: '300',
  AUTH_REQUESTS_PER_MIN: '100000',
  LOGIN_ATTEMPTS_PER_MIN: '1000',
  METRICS_PORT: '0',
  // OWASP's 2^17 costs 128 MiB and ~0.3 s per registration; the suites register thousands of users.
  PASSWORD_SCRYPT_LOG_N: '12',
};

/**
 * Spawns `server/main.ts` in its own process (so tests can `kill -9` it), waits for its
 * `listening` log line and returns where it listens. The port is the OS's choice unless given.
 */
export function startNodeProcess(options: StartOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    ...TEST_DEFAULTS,
    PORT: String(options.port ?? 0),
    DATA_DIR: dataDir,
    ...(options.env?.['MONGO_URL'] === undefined ? e2eStoreEnv() : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, [...(options.entry ?? SOURCE_ENTRY)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  const logs: LogLine[] = [];
  const stderr: string[] = [];
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    started.delete(child);
    resolve(code);
  }));

  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 20 s\nstdout: ${JSON.stringify(logs.slice(-5))}\nstderr: ${stderr.join('')}`));
    }, 20_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        let parsed: LogLine;
        try {
          parsed = JSON.parse(line) as LogLine;
        } catch {
          parsed = { msg: line };
        }
        logs.push(parsed);
        if (parsed['event'] === 'listening') {
          clearTimeout(timer);
          const port = parsed['port'] as number;
          const url = `http://127.0.0.1:${port}`;
          const metricsUrl = `http://127.0.0.1:${String(parsed['metricsPort'])}`;
          void exit.then(keepLogs(url, logs));
          resolve({
            url,
            port,
            metricsUrl,
            metricsUrlOf: (of) => {
              if (of !== url) throw new Error(`${of} is not this server (${url})`);
              return metricsUrl;
            },
            dataDir,
            pid: child.pid as number,
            transport: String(parsed['transport']),
            logs,
            stderr,
            stop: (signal = 'SIGTERM') => {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
              return exit.then((code) => {
                // A graceful stop that failed says why, in the test's output (the logs go with the process).
                if (signal === 'SIGTERM' && code !== 0) console.error(`${url} exited ${String(code)} after SIGTERM; its last warnings and errors:`, lastTrouble(logs), stderr.join('').slice(-2000));
                return code;
              });
            },
          });
        }
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\nstderr: ${stderr.join('')}\nstdout: ${JSON.stringify(logs.slice(-5))}`));
    });
  });
}

/** The last warnings and errors a server logged (pino levels 40 and up). */
function lastTrouble(logs: readonly LogLine[]): LogLine[] {
  return logs.filter(isTrouble).slice(-15);
}

/** Kills (SIGKILL) every server this test process started and that still runs. */
export function killAllStarted(): void {
  for (const child of started) child.kill('SIGKILL');
}

process.once('exit', killAllStarted);

/** Runs a server's process with `env` until it exits (for config-refusal tests). */
export function runServerToExit(env: Readonly<Record<string, string>>, timeoutMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SOURCE_ENTRY], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server still running after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      started.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}
