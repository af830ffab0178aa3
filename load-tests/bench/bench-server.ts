import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heapAfterFullGc, inspectorUrlIn } from './heap-after-gc.js';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** A server the bench started in its own process. */
export interface BenchServer {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  readonly transport: string;
  /** Where the server serves `/metrics`. */
  readonly metricsUrl: string;
  /** `nodejs_heap_size_used_bytes` from the server's `/metrics`. */
  heapUsedBytes(): Promise<number>;
  /** The heap after a forced full GC, through the inspector (only for a server started with `--inspect=127.0.0.1:0`). */
  heapAfterGcBytes(): Promise<number>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Spawns `script` with `env`, waits for its JSON `{"event":"listening","port":…}` log line (or
 * another `readyEvent`), and returns it. Output after that is drained and dropped.
 */
export function spawnServer(
  name: string,
  script: string,
  env: Readonly<Record<string, string>>,
  execArgv: readonly string[] = [],
  readyEvent = 'listening',
): Promise<BenchServer> {
  const child = spawn(process.execPath, [...execArgv, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running.delete(child);
    resolve();
  }));
  const stderr: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (c: string) => stderr.push(c));
  return new Promise((resolve, reject) => {
    let buffered = '';
    let listening = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 30 s: ${stderr.join('')}`));
    }, 30_000);
    void exited.then(() => {
      clearTimeout(timer);
      if (!listening) reject(new Error(`${name} exited before listening: ${stderr.join('')}`));
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (listening) return;
      buffered += chunk;
      for (const line of buffered.split('\n')) {
        let parsed: { event?: unknown; port?: unknown; metricsPort?: unknown; transport?: unknown };
        try {
          parsed = JSON.parse(line) as typeof parsed;
        } catch {
          continue;
        }
        if (parsed.event !== readyEvent || typeof parsed.port !== 'number') continue;
        listening = true;
        clearTimeout(timer);
        const url = `http://127.0.0.1:${parsed.port}`;
        // Ours serves /metrics on a listener of its own; the baseline (and the worker) on their one port.
        const metricsUrl = typeof parsed.metricsPort === 'number' ? `http://127.0.0.1:${parsed.metricsPort}` : url;
        resolve({
          name,
          pid: child.pid as number,
          url,
          metricsUrl,
          transport: String(parsed.transport),
          heapUsedBytes: async () => {
            const text = await (await fetch(`${metricsUrl}/metrics`)).text();
            const value = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([\d.e+]+)$/m.exec(text)?.[1];
            if (value === undefined) throw new Error(`${name}: no nodejs_heap_size_used_bytes in /metrics`);
            return Number(value);
          },
          heapAfterGcBytes: () => {
            const inspector = inspectorUrlIn(stderr.join(''));
            if (!inspector) return Promise.reject(new Error(`${name}: started without --inspect=127.0.0.1:0`));
            return heapAfterFullGc(inspector);
          },
          stop: async () => {
            child.kill('SIGTERM');
            const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
            await exited;
            clearTimeout(timeout);
          },
        });
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    });
  });
}
