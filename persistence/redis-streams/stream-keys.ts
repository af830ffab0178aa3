/** The consumer group every writer of the log reads through. */
export const WRITERS_GROUP = 'writers';

/**
 * The Redis keys of the write-behind log under `prefix`. Each partition's keys carry the
 * partition's hash tag (`{p3}`), so a partition's stream and its owner lease live in one hash slot
 * and its scripts run unchanged on Redis Cluster; the dead letters share one tag of their own.
 */
export interface StreamKeys {
  /** The partition's stream: one entry per operation, field `o` its JSON body. */
  log(partition: number): string;
  /** The partition's owner lease (the writer allowed to read and acknowledge it). */
  owner(partition: number): string;
  /** Live writers (sorted set consumer -> expiry), for each writer's fair share of partitions. */
  readonly writers: string;
  /** The dead letters' hash and order keys share this base. */
  readonly deadBase: string;
}

/** The hash tag of `partition`: keys of other concerns that must share its slot embed it too. */
export const partitionTag = (partition: number) => `{p${partition}}`;

export function streamKeys(prefix: string): StreamKeys {
  return {
    log: (p) => `${prefix}:${partitionTag(p)}:log`,
    owner: (p) => `${prefix}:${partitionTag(p)}:owner`,
    writers: `${prefix}:writers`,
    deadBase: `${prefix}:{dead}`,
  };
}

/** Orders two stream ids (`ms-seq`): negative when `a` is older. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

/** The epoch milliseconds a stream id was assigned at (Redis's clock). */
export const streamIdTime = (id: string) => Number(id.slice(0, id.indexOf('-')));
