import { z } from 'zod';
import { WIRE_FORMATS } from '../../protocol/wire/wire-format.js';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A comma-separated list of `item`. */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v), z.array(item).min(1));

/** Every option of `npm run bench`, with its default. */
export const benchOptionsSchema = z.object({
  /** `all` runs hugs and idle; `cluster`, `ghost`, `group` and `failover` run alone (they start Redis and several nodes). */
  scenario: z.enum(['hugs', 'idle', 'all', 'cluster', 'ghost', 'group', 'failover', 'soak', 'moods', 'notifications']).default('all'),
  /** Notifications: feed pages read (each with three pages behind it). */
  reads: int(1, 100_000).default(300),
  /** Notifications: hugs pushed to offline recipients (one each). */
  pushes: int(1, 100_000).default(1000),
  /** Soak: how long both servers run side by side under steady load (hugs at --rate, presence flips, reconnect churn). */
  minutes: int(1, 24 * 60).default(5),
  /** Scenario one: aggregate hugs per second. */
  rate: int(1, 100_000).default(500),
  /** Scenario one: measured seconds (after the warm-up). */
  duration: int(1, 600).default(20),
  warmup: int(0, 120).default(3),
  /** Scenario one: sender/recipient pairs. */
  pairs: int(1, 5000).default(200),
  /** Moods: users connected, each listening to its friends' moods and recording at its share of --rate (moods per second in all). */
  users: int(2, 20_000).default(500),
  /** Moods: friends per user (a ring: half on either side). */
  friends: int(1, 1000).default(50),
  /** Scenario two: idle connections per server. */
  connections: int(1, 100_000).default(19_800),
  /** Client processes the sockets are spread over (a process may hold 20,000 open files). */
  clients: int(1, 16).default(3),
  transport: z.enum(['uws', 'node']).default('uws'),
  wire: z.enum(WIRE_FORMATS).default('msgpack'),
  /** Cluster: node counts to measure. */
  nodes: list(int(1, 8)).default([1, 2, 3]),
  /** Cluster, group, ghost: one `redis-server`, or a three-master Redis Cluster (ours and the relay on `REDIS_CLUSTER_NODES`). */
  redis: z.enum(['single', 'cluster']).default('single'),
  /** Cluster: the Redis adapters to measure. */
  adapters: list(z.enum(['sharded', 'classic'])).default(['sharded', 'classic']),
  /**
   * Cluster: where ours writes behind: `process` runs the nodes with WORKERS=0 and one `npm run worker`
   * process (the docker-compose topology); `inline` runs workers in every node.
   */
  worker: z.enum(['process', 'inline']).default('inline'),
  /** Cluster: the rate steps (hugs per second), climbed until p99 exceeds the bound. */
  rates: list(int(1, 200_000)).default([1000, 2000, 3000, 4000, 6000, 8000, 10_000, 12_000, 15_000]),
  /** Cluster: hugs per second in the window where Redis commands per hug are counted (with MONITOR, untimed). */
  countRate: int(1, 10_000).default(500),
  /** Cluster: measured seconds per rate step (after a one-second warm-up). */
  step: int(1, 120).default(5),
  /** Cluster: the p99 delivery latency a rate must stay under, ms. */
  bound: int(1, 10_000).default(100),
  /** Group: participants in the one group hug (spread over three nodes). */
  participants: int(2, 5000).default(1000),
  /** Group: how many group hugs everyone joins, one after another (the figure is their median: one round is noise here). */
  rounds: int(1, 20).default(3),
  /** Ghost and failover: how many times a node is killed with -9. */
  kills: int(1, 100).default(10),
  /** Writes a V8 CPU profile of each server under load-tests/results/profiles/ (open it in Chrome DevTools). */
  profile: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

/** Parsed bench options. */
export type BenchOptions = z.infer<typeof benchOptionsSchema>;

/** Parses `--name value` pairs; throws one message naming every bad option. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${JSON.stringify(arg)}; options look like --rate 500`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
    raw[arg.slice(2)] = value;
    i += 1;
  }
  const parsed = benchOptionsSchema.strict().safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.') || (i as { keys?: string[] }).keys?.join(', --') || '?'}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}
