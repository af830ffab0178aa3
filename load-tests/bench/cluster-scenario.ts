import type { AdapterKind } from '../../server/infrastructure/socket-adapter.js';
import type { BenchOptions } from './bench-options.js';
import type { ClientPool } from './client-pool.js';
import { startBenchCluster } from './cluster-servers.js';
import { cpuSeconds } from './machine.js';
import { seedUsers } from './seed.js';
import { countCommands, type PerHugCounts, perHug } from './redis-counts.js';
import { type Percentiles, percentiles } from './stats.js';
import type { PairSpec, ServerKind, SocketSpec } from './worker-messages.js';

/** One rate step of a cross-node run. */
export interface RateStep {
  readonly rate: number;
  readonly achievedRate: number;
  readonly failed: number;
  readonly firstError: string | null;
  readonly latencyMs: Percentiles;
  /** CPU of every node process together, in cores. */
  readonly nodesCpuCores: number;
  readonly redisCpuCores: number;
  /** Redis CPU per delivered hug, µs. */
  readonly redisCpuUsPerHug: number;
  /** p99 within the bound, at least 95% of the rate delivered, nothing refused. */
  readonly held: boolean;
}

/** A cross-node run: one server kind, one adapter, one node count, its rate steps. */
export interface ClusterRun {
  readonly server: ServerKind;
  readonly adapter: AdapterKind;
  readonly nodes: number;
  readonly steps: readonly RateStep[];
  /** The highest rate that held (0 if none did). */
  readonly maxRate: number;
  /** Redis commands per hug, counted in a window of their own at `countRate` (see {@link countCommands}). */
  readonly counts: PerHugCounts;
}

const COUNT_IDLE_MS = 2000;
const COUNT_BUSY_MS = 3000;
/**
 * Hugs sent before counting: every recipient's inbox counter is in Redis (the first hug to a user
 * whose counter is not costs two more round trips, to read the store's cursor), and the hugs of
 * the window's start have had their receipts, writes and forgetting (up to two seconds on).
 */
const COUNT_WARMUP_MS = 3000;

const WARMUP_MS = 1000;

/**
 * The cross-node scenario for one server kind, adapter and node count: `pairs` friends, each
 * sender on node k mod N and its recipient on the next node (so with two or more nodes every hug
 * crosses Redis), hugs sent at each rate of `options.rates` in turn until a step does not hold.
 */
export async function runClusterScenario(kind: ServerKind, adapter: AdapterKind, nodes: number, options: BenchOptions, pool: ClientPool, log: (line: string) => void): Promise<ClusterRun> {
  const seeded = await seedUsers(options.pairs * 2, options.pairs);
  const cluster = await startBenchCluster(kind, options, nodes, adapter, seeded.dataDir);
  const steps: RateStep[] = [];
  let counted: PerHugCounts | undefined;
  try {
    const urlOf = (node: number) => cluster.nodes[node % nodes]?.url ?? '';
    // User 2k sends to user 2k+1; sender on node k, recipient on node k+1.
    const placed: SocketSpec[] = seeded.users.map((u, n) => {
      const k = Math.floor(n / 2);
      return { ...u, url: urlOf(n % 2 === 0 ? k : k + 1) };
    });
    const pairs: PairSpec[] = Array.from({ length: options.pairs }, (_, k) => ({ from: `bench-user-${2 * k}`, to: `bench-user-${2 * k + 1}` }));
    const w = pool.size;
    const socketsOf = (i: number) =>
      placed.filter((_, n) => {
        const k = Math.floor(n / 2);
        return n % 2 === 0 ? k % w === i : (k + 1) % w === i;
      });
    const opened = await pool.all((i) => ({ type: 'open', url: urlOf(0), wire: options.wire, kind, sockets: socketsOf(i) }), 'opened');
    const failedOpen = opened.reduce((n, o) => n + o.failed, 0);
    if (failedOpen > 0) throw new Error(`${kind}: ${failedOpen} sockets failed to open: ${opened.find((o) => o.firstError)?.firstError ?? ''}`);

    const counts = await countPerHug(cluster.redis.servers.map((r) => r.url), options.countRate, pairs, pool);
    counted = counts;
    log(`  ${kind} ${adapter} ${nodes} node(s): ${counts.roundTrips} Redis round trips and ${counts.commands} commands per hug (${counts.hugs} hugs at ${options.countRate}/s)`);
    const pids = cluster.nodes.map((n) => n.pid);
    for (const rate of options.rates) {
      const cpuBefore = pids.reduce((t, pid) => t + cpuSeconds(pid), 0);
      const redisCpuNow = () => cluster.redis.servers.reduce((t, r) => t + cpuSeconds(r.pid ?? 0), 0);
      const redisBefore = redisCpuNow();
      const wallBefore = performance.now();
      const done = await pool.all(
        (i) => {
          const mine = pairs.filter((_, k) => k % w === i);
          return { type: 'hugs', pairs: mine, ratePerS: (rate * mine.length) / pairs.length, warmupMs: WARMUP_MS, durationMs: options.step * 1000 };
        },
        'hugs-done',
      );
      const seconds = (performance.now() - wallBefore) / 1000;
      const nodesCpu = (pids.reduce((t, pid) => t + cpuSeconds(pid), 0) - cpuBefore) / seconds;
      const redisCpu = (redisCpuNow() - redisBefore) / seconds;
      const collected = await pool.all(() => ({ type: 'collect' }), 'collected');
      const latencies = collected.flatMap((c) => c.latencies);
      const failed = done.reduce((n, d) => n + d.failed, 0);
      const latencyMs = percentiles(latencies);
      const achievedRate = Math.round(latencies.length / options.step);
      const held = failed === 0 && latencyMs.p99 <= options.bound && achievedRate >= 0.95 * rate;
      steps.push({
        rate,
        achievedRate,
        failed,
        firstError: done.find((d) => d.firstError)?.firstError ?? null,
        latencyMs,
        nodesCpuCores: Math.round(nodesCpu * 100) / 100,
        redisCpuCores: Math.round(redisCpu * 100) / 100,
        redisCpuUsPerHug: achievedRate > 0 ? Math.round((redisCpu * 1e6) / achievedRate) : 0,
        held,
      });
      log(`  ${kind} ${adapter} ${nodes} node(s) @ ${rate}/s: achieved ${achievedRate}/s, p50 ${latencyMs.p50.toFixed(1)} ms, p99 ${latencyMs.p99.toFixed(1)} ms, failed ${failed}, nodes ${nodesCpu.toFixed(2)} cores, redis ${redisCpu.toFixed(2)} → ${held ? 'held' : 'did not hold'}`);
      if (!held) break;
    }
    await pool.all(() => ({ type: 'close' }), 'closed');
  } finally {
    await cluster.stop();
  }
  const maxRate = Math.max(0, ...steps.filter((s) => s.held).map((s) => s.rate));
  return { server: kind, adapter, nodes, steps, maxRate, counts: counted ?? { hugs: 0, roundTrips: 0, commands: 0, sentByName: {}, inScriptsByName: {} } };
}

/**
 * Redis commands per hug in steady state: MONITOR over an idle window first (the background:
 * heartbeats, leases, stats polls), then over a window in the middle of a run of hugs at `rate`,
 * begun long enough before it that the work a hug causes later (its receipt, the log's writes, the
 * forgetting of its pending writes a second or two on) is in the window as much as it would be in
 * any other; the background is taken off pro rata and the rest divided by the hugs delivered in it.
 */
async function countPerHug(redisUrls: readonly string[], rate: number, pairs: readonly PairSpec[], pool: ClientPool): Promise<PerHugCounts> {
  const w = pool.size;
  const idle = await countCommands(redisUrls, COUNT_IDLE_MS);
  const hugs = pool.all(
    (i) => {
      const mine = pairs.filter((_, k) => k % w === i);
      return { type: 'hugs', pairs: mine, ratePerS: (rate * mine.length) / pairs.length, warmupMs: COUNT_WARMUP_MS, durationMs: COUNT_BUSY_MS };
    },
    'hugs-done',
  );
  await new Promise((resolve) => setTimeout(resolve, COUNT_WARMUP_MS));
  const busy = await countCommands(redisUrls, COUNT_BUSY_MS);
  await hugs;
  const collected = await pool.all(() => ({ type: 'collect' }), 'collected');
  const delivered = collected.reduce((n, c) => n + c.latencies.length, 0);
  return perHug(busy.counts, idle.counts, busy.windowMs / idle.windowMs, delivered);
}
