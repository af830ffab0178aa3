import type { BenchOptions } from './bench-options.js';
import type { BenchServer } from './bench-server.js';
import type { ClientPool } from './client-pool.js';
import { rssBytes } from './machine.js';
import { seedUsers } from './seed.js';
import { startBaseline, startOurs } from './servers.js';
import type { ServerKind } from './worker-messages.js';

/** Scenario two's figures for one server. */
export interface IdleRunResult {
  readonly server: ServerKind;
  readonly transport: string;
  readonly connections: number;
  readonly openSeconds: number;
  readonly rssPerConnectionKb: number;
  readonly heapPerConnectionKb: number;
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * RSS and heap of `server`: the lowest of ten samples a second apart. An idle V8 runs full
 * collections on its own after a few seconds (its memory reducer), so the low point is what the
 * connections retain, not the garbage their handshakes left; both servers are measured alike.
 */
async function memory(server: BenchServer): Promise<{ rss: number; heap: number }> {
  const samples: { rss: number; heap: number }[] = [];
  for (let i = 0; i < 10; i += 1) {
    await sleep(1000);
    samples.push({ rss: rssBytes(server.pid), heap: await server.heapUsedBytes() });
  }
  return { rss: Math.min(...samples.map((s) => s.rss)), heap: Math.min(...samples.map((s) => s.heap)) };
}

/**
 * Scenario two against `kind`: N idle connections. Ours are authenticated, with presence and their
 * user room (what every real client gets); the baseline's are bare Socket.IO connections.
 */
export async function runIdleScenario(kind: ServerKind, options: BenchOptions, pool: ClientPool): Promise<IdleRunResult> {
  const n = options.connections;
  const seeded = await seedUsers(n, 0);
  const server: BenchServer = kind === 'ours' ? await startOurs(options, seeded.dataDir) : await startBaseline(options);
  try {
    const before = await memory(server);
    const share = Math.ceil(n / pool.size);
    const started = performance.now();
    const opened = await pool.all((i) => ({ type: 'open', url: server.url, wire: options.wire, kind, sockets: seeded.users.slice(i * share, (i + 1) * share) }), 'opened');
    const openSeconds = (performance.now() - started) / 1000;
    const ok = opened.reduce((s, o) => s + o.ok, 0);
    if (ok < n) throw new Error(`${kind}: only ${ok} of ${n} connections opened: ${opened.find((o) => o.firstError)?.firstError ?? ''}`);
    await sleep(2000);
    const after = await memory(server);
    await pool.all(() => ({ type: 'close' }), 'closed');
    const kb = (bytes: number) => Math.round((bytes / n / 1024) * 100) / 100;
    return {
      server: kind,
      transport: server.transport,
      connections: ok,
      openSeconds: Math.round(openSeconds * 10) / 10,
      rssPerConnectionKb: kb(after.rss - before.rss),
      heapPerConnectionKb: kb(after.heap - before.heap),
      rssBeforeMb: Math.round(before.rss / 2 ** 20),
      rssAfterMb: Math.round(after.rss / 2 ** 20),
    };
  } finally {
    await server.stop();
  }
}
