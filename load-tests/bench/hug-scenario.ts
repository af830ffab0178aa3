import type { BenchOptions } from './bench-options.js';
import type { BenchServer } from './bench-server.js';
import type { ClientPool } from './client-pool.js';
import { seedUsers } from './seed.js';
import { measuredLoad } from './server-meter.js';
import { startBaseline, startOurs } from './servers.js';
import { type Percentiles, percentiles } from './stats.js';
import type { PairSpec, ServerKind, SocketSpec } from './worker-messages.js';

/** Scenario one's figures for one server. */
export interface HugRunResult {
  readonly server: ServerKind;
  readonly transport: string;
  readonly targetRate: number;
  /** Acknowledged sends per second over the measured window. */
  readonly achievedRate: number;
  readonly sent: number;
  readonly acked: number;
  readonly failed: number;
  readonly firstError: string | null;
  readonly delivered: number;
  /** Send → `hug:received` on the recipient, ms, measured window only. */
  readonly latencyMs: Percentiles;
  /** Server CPU over the warm-up and measured window, in cores (1 = one core busy). */
  readonly serverCpuCores: number;
  /** Server CPU (every thread) per hug sent, µs. */
  readonly cpuUsPerHug: number;
  /** The part of it on the main thread (the event loop; the rest is the writer thread, GC and libuv helpers), µs. */
  readonly mainThreadCpuUsPerHug: number;
  /** Bytes the server wrote to storage per hug sent (WAL frames, checkpoints), KB. */
  readonly storageKbPerHug: number;
  /** Durable commits per hug sent, each one fsync (the embedded writer's queue and store commits; checkpoints not counted). */
  readonly fsyncsPerHug: number;
  /** Share of the window the server's main event loop was busy (0..1). */
  readonly eventLoopUtilization: number;
  readonly serverRssMb: number;
}

/**
 * Scenario one against `kind`: `pairs` friends, senders and recipients in different client
 * processes, hugs at a fixed aggregate rate for a bounded time.
 */
export async function runHugScenario(kind: ServerKind, options: BenchOptions, pool: ClientPool): Promise<HugRunResult> {
  const seeded = await seedUsers(options.pairs * 2, options.pairs);
  const server: BenchServer = kind === 'ours' ? await startOurs(options, seeded.dataDir) : await startBaseline(options);
  try {
    const pairs: PairSpec[] = Array.from({ length: options.pairs }, (_, k) => ({ from: `bench-user-${2 * k}`, to: `bench-user-${2 * k + 1}` }));
    const w = pool.size;
    // Pair k: the sender lives in client k % w, the recipient in the next one.
    const socketsOf = (i: number): SocketSpec[] =>
      seeded.users.filter((_, n) => {
        const k = Math.floor(n / 2);
        return n % 2 === 0 ? k % w === i : (k + 1) % w === i;
      });
    const opened = await pool.all((i) => ({ type: 'open', url: server.url, wire: options.wire, kind, sockets: socketsOf(i) }), 'opened');
    const failedOpen = opened.reduce((n, o) => n + o.failed, 0);
    if (failedOpen > 0) throw new Error(`${kind}: ${failedOpen} sockets failed to open: ${opened.find((o) => o.firstError)?.firstError ?? ''}`);

    const { done, usage, latencies } = await measuredLoad(
      server,
      pool,
      (i) => {
        const mine = pairs.filter((_, k) => k % w === i);
        return { type: 'hugs', pairs: mine, ratePerS: (options.rate * mine.length) / pairs.length, warmupMs: options.warmup * 1000, durationMs: options.duration * 1000 };
      },
      'hugs-done',
    );
    const acked = done.reduce((n, d) => n + d.acked, 0);
    const measuredShare = options.duration / (options.duration + options.warmup);
    return {
      server: kind,
      transport: server.transport,
      targetRate: options.rate,
      achievedRate: Math.round((latencies.length / options.duration) * 10) / 10,
      sent: done.reduce((n, d) => n + d.sent, 0),
      acked,
      failed: done.reduce((n, d) => n + d.failed, 0),
      firstError: done.find((d) => d.firstError)?.firstError ?? null,
      delivered: Math.round(latencies.length / measuredShare),
      latencyMs: percentiles(latencies),
      serverCpuCores: Math.round(usage.cpuCores * 100) / 100,
      cpuUsPerHug: Math.round((usage.cpuCores * 1e6) / Math.max(1, options.rate)),
      mainThreadCpuUsPerHug: Math.round((usage.mainThreadCores * 1e6) / Math.max(1, options.rate)),
      storageKbPerHug: Math.round((usage.storageBytesPerS / 1024 / Math.max(1, options.rate)) * 10) / 10,
      fsyncsPerHug: Math.round((usage.commitsPerS / Math.max(1, options.rate)) * 1000) / 1000,
      eventLoopUtilization: Math.round(usage.eventLoopUtilization * 100) / 100,
      serverRssMb: Math.round(usage.rssBytes / 2 ** 20),
    };
  } finally {
    await server.stop();
  }
}
