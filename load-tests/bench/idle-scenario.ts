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
  /** Heap per connection after a forced full GC. */
  readonly heapPerConnectionKb: number;
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * RSS and heap of `server`. RSS is the lowest of ten samples a second apart (read from /proc: an
 * idle V8 shrinks by itself after a few seconds). The heap is read after a full GC forced through
 * the inspector, so it is what the connections retain, not the garbage their handshakes left, and
 * nothing is scraped meanwhile. Both servers are measured alike.
 */
async function memory(server: BenchServer): Promise<{ rss: number; heap: number }> {
  const rss: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    await sleep(1000);
    rss.push(rssBytes(server.pid));
  }
  return { rss: Math.min(...rss), heap: await server.heapAfterGcBytes() };
}

/** Both servers run with the inspector on a free local port, to force the GC before reading the heap. */
const INSPECT = ['--inspect=127.0.0.1:0'];

/**
 * Scenario two against `kind`: N idle connections. Ours are authenticated, with presence and their
 * user room (what every real client gets); the baseline's are bare Socket.IO connections.
 */
export async function runIdleScenario(kind: ServerKind, options: BenchOptions, pool: ClientPool): Promise<IdleRunResult> {
  const n = options.connections;
  const seeded = await seedUsers(n, 0);
  const server: BenchServer = kind === 'ours' ? await startOurs(options, seeded.dataDir, INSPECT) : await startBaseline(options, INSPECT);
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
