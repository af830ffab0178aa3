import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';

/**
 * The right to run one group hug's actor. `token` is the fencing token: it grows by one with every
 * change of owner, and every write is checked against it where it lands, so an owner that lost its
 * lease (a long pause, a partition) can never overwrite its successor's state.
 */
export interface GroupLease {
  readonly groupId: string;
  readonly nodeId: string;
  readonly token: number;
}

/** What asking for a lease gives. */
export type AcquireResult =
  /** The lease is yours (taken over, or already yours), with the last snapshot to restore. */
  | { readonly kind: 'acquired'; readonly lease: GroupLease; readonly state: GroupHugState }
  /** Another node holds a live lease: forward to it. */
  | { readonly kind: 'held'; readonly owner: string; readonly token: number }
  /** The group hug ended: its final snapshot, which needs no owner. */
  | { readonly kind: 'final'; readonly state: GroupHugState }
  | { readonly kind: 'missing' };

/**
 * The directory of group-hug actors: who owns each one (a lease with a fencing token, renewed
 * while the actor lives) and its last snapshot. Memory on one node, Redis in a cluster.
 *
 * Guarantees: at most one node holds a live lease on a group hug at a time; a lease that is not
 * renewed within `leaseMs` may be taken by another node, with a higher token; `save`, `renew` and
 * `retire` succeed only with the current token, atomically with their check.
 */
export interface GroupHugDirectory {
  /** Registers a new group hug owned by `nodeId`, with its first snapshot; `null` if the id exists. */
  create(state: GroupHugState, nodeId: string, leaseMs: number): Promise<GroupLease | null>;
  /** The live owner of a group hug, or `null` when none holds a live lease. */
  owner(groupId: string): Promise<{ readonly nodeId: string; readonly token: number } | null>;
  /** Takes the lease when it is free or expired (token + 1), or reports who holds it. */
  acquire(groupId: string, nodeId: string, leaseMs: number): Promise<AcquireResult>;
  /** Extends the lease; `false` when `lease` was fenced off (someone else took over). */
  renew(lease: GroupLease, leaseMs: number): Promise<boolean>;
  /**
   * Writes `state` and extends the lease; `false` (and nothing written) when fenced off. With
   * `since`, the state the last write through this lease stored (or that `create`/`acquire` gave),
   * the directory may store only the change, and compacts the changes into a snapshot now and then,
   * so a save costs what changed, not the group's size. After a save that threw, pass no `since`
   * until one succeeded: it may or may not have landed.
   */
  save(lease: GroupLease, state: GroupHugState, leaseMs: number, since?: GroupHugState): Promise<boolean>;
  /**
   * Writes the final snapshot (complete or cancelled), ends the lease and keeps the snapshot for
   * `retainMs`; `false` when fenced off.
   */
  retire(lease: GroupLease, state: GroupHugState, retainMs: number): Promise<boolean>;
  /** Hands the lease back at once (graceful shutdown), so the next node need not wait for expiry. */
  release(lease: GroupLease): Promise<void>;
  /**
   * The group hugs not yet ended that `userId` took part in or was invited to, as the saved states
   * said: kept by `create`, `save` and `retire`. A hint (a save without `since` adds but cannot
   * remove): read each with the owner, and {@link forgetMember} what no longer holds.
   */
  memberOf(userId: string): Promise<string[]>;
  /** Drops `groupId` from `userId`'s group hugs. */
  forgetMember(userId: string, groupId: string): Promise<void>;
  /** Group hugs still running whose lease expired: their owner died. At most `limit`. */
  orphans(limit: number): Promise<string[]>;
  close(): Promise<void>;
}
