import type { BenchServer } from './bench-server.js';
import type { ClientPool } from './client-pool.js';
import { cpuSeconds, mainThreadCpuSeconds, rssBytes, storageWrittenBytes } from './machine.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** What a server spent over a measured window. */
export interface ServerUsage {
  readonly seconds: number;
  /** CPU of every thread, in cores (1 = one core busy). */
  readonly cpuCores: number;
  /** The main thread's share (the event loop; the rest is the writer thread, GC and libuv helpers). */
  readonly mainThreadCores: number;
  /** Bytes written to storage per second (WAL frames, checkpoints). */
  readonly storageBytesPerS: number;
  /** Durable commits per second, each one fsync (0 for the relay). */
  readonly commitsPerS: number;
  /** Share of the window the main event loop was busy (0..1). */
  readonly eventLoopUtilization: number;
  /** Resident memory at the end. */
  readonly rssBytes: number;
}

/** Starts measuring `server`; the returned function ends the window and answers what it spent. */
export async function meterServer(server: BenchServer): Promise<() => Promise<ServerUsage>> {
  const loopBefore = await serverCounters(server.metricsUrl);
  const cpuBefore = cpuSeconds(server.pid);
  const mainBefore = mainThreadCpuSeconds(server.pid);
  const writtenBefore = storageWrittenBytes(server.pid);
  const wallBefore = performance.now();
  return async () => {
    const seconds = (performance.now() - wallBefore) / 1000;
    const cpuCores = (cpuSeconds(server.pid) - cpuBefore) / seconds;
    const mainThreadCores = (mainThreadCpuSeconds(server.pid) - mainBefore) / seconds;
    const storageBytesPerS = (storageWrittenBytes(server.pid) - writtenBefore) / seconds;
    const loopAfter = await serverCounters(server.metricsUrl);
    const busy = loopAfter.active - loopBefore.active;
    return {
      seconds,
      cpuCores,
      mainThreadCores,
      storageBytesPerS,
      commitsPerS: (loopAfter.commits - loopBefore.commits) / seconds,
      eventLoopUtilization: busy / Math.max(1e-9, busy + loopAfter.idle - loopBefore.idle),
      rssBytes: rssBytes(server.pid),
    };
  };
}

/**
 * One measured load: the clients run `message` (answering `reply`) while `server` is metered, then
 * hand over the latencies they measured and close their sockets.
 */
export async function measuredLoad<T extends 'hugs-done' | 'moods-done'>(
  server: BenchServer,
  pool: ClientPool,
  message: (index: number) => ToWorker,
  reply: T,
): Promise<{ readonly done: Extract<FromWorker, { type: T }>[]; readonly usage: ServerUsage; readonly latencies: number[] }> {
  const stop = await meterServer(server);
  const done = await pool.all(message, reply);
  const usage = await stop();
  const collected = await pool.all(() => ({ type: 'collect' }), 'collected');
  await pool.all(() => ({ type: 'close' }), 'closed');
  return { done, usage, latencies: collected.flatMap((c) => c.latencies) };
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
