import type { BenchOptions } from './bench-options.js';
import type { BenchServer } from './bench-server.js';
import type { ClientPool } from './client-pool.js';
import { cpuSeconds, mainThreadCpuSeconds, rssBytes, storageWrittenBytes } from './machine.js';
import { seedUsers } from './seed.js';
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

    const loopBefore = await serverCounters(server.metricsUrl);
    const cpuBefore = cpuSeconds(server.pid);
    const mainBefore = mainThreadCpuSeconds(server.pid);
    const writtenBefore = storageWrittenBytes(server.pid);
    const wallBefore = performance.now();
    const done = await pool.all(
      (i) => {
        const mine = pairs.filter((_, k) => k % w === i);
        return { type: 'hugs', pairs: mine, ratePerS: (options.rate * mine.length) / pairs.length, warmupMs: options.warmup * 1000, durationMs: options.duration * 1000 };
      },
      'hugs-done',
    );
    const seconds = (performance.now() - wallBefore) / 1000;
    const cpu = (cpuSeconds(server.pid) - cpuBefore) / seconds;
    const mainCpu = (mainThreadCpuSeconds(server.pid) - mainBefore) / seconds;
    const written = (storageWrittenBytes(server.pid) - writtenBefore) / seconds;
    const loopAfter = await serverCounters(server.metricsUrl);
    const busy = loopAfter.active - loopBefore.active;
    const elu = busy / Math.max(1e-9, busy + loopAfter.idle - loopBefore.idle);
    const rss = rssBytes(server.pid);
    const collected = await pool.all(() => ({ type: 'collect' }), 'collected');
    await pool.all(() => ({ type: 'close' }), 'closed');
    const latencies = collected.flatMap((c) => c.latencies);
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
      serverCpuCores: Math.round(cpu * 100) / 100,
      cpuUsPerHug: Math.round((cpu * 1e6) / Math.max(1, options.rate)),
      mainThreadCpuUsPerHug: Math.round((mainCpu * 1e6) / Math.max(1, options.rate)),
      storageKbPerHug: Math.round(written / 1024 / Math.max(1, options.rate) * 10) / 10,
      fsyncsPerHug: Math.round(((loopAfter.commits - loopBefore.commits) / seconds / Math.max(1, options.rate)) * 1000) / 1000,
      eventLoopUtilization: Math.round(elu * 100) / 100,
      serverRssMb: Math.round(rss / 2 ** 20),
    };
  } finally {
    await server.stop();
  }
}

/**
 * The server's cumulative event-loop seconds (active, idle) and durable commits (each one fsync; 0
 * where it has none, as the relay), from its /metrics.
 */
async function serverCounters(metricsUrl: string): Promise<{ active: number; idle: number; commits: number }> {
  const text = await (await fetch(`${metricsUrl}/metrics`)).text();
  const read = (state: string) => Number(new RegExp(`^hugmood_event_loop_seconds\\{[^}]*state="${state}"[^}]*\\} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  const commits = [...text.matchAll(/^hugmood_writer_commits_total\{[^}]*\} ([\d.e+-]+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
  return { active: read('active'), idle: read('idle'), commits };
}
