import type { PresenceChange } from './presence.js';

/** A user whose device(s) a sweep removed, and the effect on their aggregate presence. */
export interface SweptUser {
  readonly userId: string;
  readonly change: PresenceChange;
}

/** One sweep step's outcome: the node it swept, and whom it changed. */
export interface SweepStep {
  readonly nodeId: string;
  /** When the dead node last heartbeated: the `lastSeenAt` of users it took offline. */
  readonly lastHeartbeatAt: number;
  readonly swept: readonly SweptUser[];
  /** More of that node's entries remain: call again. */
  readonly more: boolean;
}

/**
 * The cluster side of a presence engine whose entries are kept per node (the Redis one): nodes
 * heartbeat, and any node may sweep the entries of a node that stopped heartbeating.
 *
 * Guarantees: a sweep step is atomic, and each dead node's entry is removed by exactly one step on
 * one node, so two nodes sweeping at once never announce the same change twice. A node whose
 * heartbeat is missing longer than the timeout is dead to the cluster; if it heartbeats again
 * after being swept, `heartbeat` says so and the node must register its live devices again.
 */
export interface PresenceCluster {
  /** Records that this node is alive; resolves `true` if the cluster had swept it meanwhile. */
  heartbeat(): Promise<boolean>;
  /** Removes up to `limit` entries of one dead node; `null` when no node is dead. */
  sweepStep(limit: number): Promise<SweepStep | null>;
  /**
   * Removes up to `limit` entries this node id left behind in an earlier life (a restart with the
   * same `NODE_ID` after a crash); `null` once none remain. Run before serving.
   */
  clearOwnStep(limit: number): Promise<SweepStep | null>;
  /** Graceful leave: this node no longer counts as a member (its devices are already gone). */
  leave(): Promise<void>;
}
