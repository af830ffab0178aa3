import type { Redis } from 'ioredis';
import { RedisScript, replyNumber } from '../redis/redis-script.js';

/**
 * KEYS[1] in-flight jobs (sorted set "jobId/size" -> enqueuedAt), KEYS[2] depth counter (operations)
 * ARGV[1] member "jobId/size", ARGV[2] size (operation count)
 * Removes a finished job once: a job processed twice (a stalled worker) is counted out once.
 * Returns 1 when this call removed it.
 */
const SETTLE = new RedisScript(
  'ledger-settle',
  `
if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
  redis.call('DECRBY', KEYS[2], ARGV[2])
  return 1
end
return 0
`,
);

/** A job as the ledger knows it: its id and how many operations it holds. */
export interface LedgerJob {
  readonly id: string;
  readonly size: number;
}

/**
 * KEYS[1] in-flight jobs, KEYS[2] depth counter
 * ARGV[1] enqueuedAt, ARGV[2] member "jobId/size", ARGV[3] size
 * One script rather than MULTI: no client-side pipeline object per job.
 */
const ENTER = new RedisScript(
  'ledger-enter',
  `
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('INCRBY', KEYS[2], ARGV[3])
return 1
`,
);

/** The queue's depth and its oldest unfinished job, cluster-wide. */
export interface LedgerSnapshot {
  readonly depth: number;
  readonly oldest: { readonly job: LedgerJob; readonly enqueuedAt: number } | null;
}

const member = (job: LedgerJob) => `${job.id}/${job.size}`;

function parseMember(value: string): LedgerJob {
  const slash = value.lastIndexOf('/');
  return { id: value.slice(0, slash), size: Number(value.slice(slash + 1)) };
}

/**
 * Cluster-wide bookkeeping of the write queue's jobs, beside BullMQ's own keys: which jobs are not
 * finished yet (with when they were enqueued, for the lag) and how many operations they hold (the
 * depth). A job is entered before it is added to BullMQ, so a fast worker can never finish a job
 * the ledger has not seen; an entry whose add never happened is cleared by `settle` later.
 */
export class QueueLedger {
  private readonly inFlight: string;
  private readonly depth: string;

  constructor(
    private readonly redis: Redis,
    base: string,
  ) {
    this.inFlight = `${base}:in-flight`;
    this.depth = `${base}:depth`;
  }

  /** Records a job about to be added. */
  async enter(job: LedgerJob, at: number): Promise<void> {
    await ENTER.run(this.redis, [this.inFlight, this.depth], [at, member(job), job.size]);
  }

  /** Records a job as finished (applied or dead-lettered), once. */
  async settle(job: LedgerJob): Promise<void> {
    await SETTLE.run(this.redis, [this.inFlight, this.depth], [member(job), job.size]);
  }

  /** Which of `jobs` are still unfinished. */
  async unfinished(jobs: readonly LedgerJob[]): Promise<LedgerJob[]> {
    if (jobs.length === 0) return [];
    const scores = await this.redis.zmscore(this.inFlight, ...jobs.map(member));
    return jobs.filter((_, i) => scores[i] !== null);
  }

  async snapshot(): Promise<LedgerSnapshot> {
    const [depth, oldest] = await Promise.all([this.redis.get(this.depth), this.redis.zrange(this.inFlight, 0, 0, 'WITHSCORES')]);
    const [first, score] = oldest;
    return {
      depth: Math.max(0, Number(depth ?? 0)),
      oldest: first !== undefined && score !== undefined ? { job: parseMember(first), enqueuedAt: replyNumber(score, 'ledger-snapshot') } : null,
    };
  }
}
