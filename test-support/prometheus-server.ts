import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../server/ops/free-port.js';

/** A Prometheus query's answer (`/api/v1/query`). */
export interface PromQueryResult {
  readonly status: 'success' | 'error';
  readonly error?: string;
  readonly data?: { readonly resultType: string; readonly result: readonly { readonly metric: Record<string, string>; readonly value?: [number, string] }[] };
}

/** A real `prometheus` started by a test on a free port of 127.0.0.1, in a temporary folder. */
export interface PrometheusServer {
  readonly url: string;
  /** Runs an instant query. */
  query(expr: string): Promise<PromQueryResult>;
  /** The alerting rules as Prometheus loaded them (`/api/v1/rules`). */
  rules(): Promise<readonly { readonly name: string; readonly health: string; readonly lastError?: string }[]>;
  stop(): Promise<void>;
}

const BINARY = process.env['PROMETHEUS_BIN'] ?? 'prometheus';

/** Whether a `prometheus` binary runs here (Debian: apt-get install -y prometheus, which brings promtool too). */
export function prometheusAvailable(): boolean {
  return spawnSync(BINARY, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Whether `promtool` runs here. */
export function promtoolAvailable(): boolean {
  return spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts Prometheus scraping `targets` (host:port) every second as job `hugmood`, with `ruleFiles`
 * evaluated every second, and resolves once it answers `/-/ready`.
 */
export async function startPrometheus(targets: readonly string[], ruleFiles: readonly string[] = []): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    JSON.stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: ruleFiles,
      scrape_configs: [{ job_name: 'hugmood', static_configs: [{ targets }] }],
    }),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(BINARY, [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.once('exit', () => child.kill('SIGKILL'));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}): ${stderr}`);
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`prometheus did not get ready within 20 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    query: async (expr) => (await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`)).json()) as PromQueryResult,
    rules: async () => {
      const body = (await (await fetch(`${url}/api/v1/rules?type=alert`)).json()) as { data: { groups: { rules: { name: string; health: string; lastError?: string }[] }[] } };
      return body.data.groups.flatMap((g) => g.rules);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
