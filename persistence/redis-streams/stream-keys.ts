import { partitionOf, userRoute } from '../write-behind/partition.js';

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

/**
 * The hash tags of the keys that live beside the log: a user's keys (claims, buckets, cursor,
 * presence) carry their own log partition's tag, and an operation's pending keys the tag of the
 * partition it is routed to, so a command step over one user, and the batch that acknowledges a
 * partition, each stay in one hash slot of a Redis Cluster.
 */
export interface PartitionTags {
  /** The tag of `userId`'s keys (`{p3}`). */
  readonly user: (userId: string) => string;
  /** The tag of an operation routed to `route`. */
  readonly route: (route: string) => string;
  /** Every partition's tag, in partition order. */
  readonly all: () => string[];
}

/** {@link PartitionTags} of a log of `partitions` partitions (every process must agree on the count). */
export function partitionTags(partitions: number): PartitionTags {
  const route = (r: string) => partitionTag(partitionOf(r, partitions));
  return {
    user: (userId) => route(userRoute(userId)),
    route,
    all: () => Array.from({ length: partitions }, (_, p) => partitionTag(p)),
  };
}

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
