import type { AccountRepository } from '../store/account-repository.js';
import type { InboxRecord } from '../store/inbox-repository.js';
import { afterDeletions, usersOf } from './deleted-accounts.js';
import type { HugDirection, OwnedFamily, PendingWrites, SubjectRef } from './pending-writes.js';
import { inboxAppend, type WriteOperation } from './write-operation.js';

/**
 * Pending writes as they will land in the store: a read that shows an acknowledged write before the
 * store has it shows it with the account deletions the store knows of applied (a deleted sender's
 * pending hug anonymised, nothing for a deleted recipient), as the store will write it
 * ({@link afterDeletions}). Without this, a recipient could read a deleted sender's name and message
 * until the writer caught up. Tombstones are read after the pending writes, once per user named.
 */
export class LandingPendingWrites implements PendingWrites {
  constructor(
    private readonly pending: PendingWrites,
    private readonly accounts: Pick<AccountRepository, 'isDeleted'>,
  ) {}

  record(operations: readonly WriteOperation[]): Promise<void> {
    return this.pending.record(operations);
  }

  forget(operations: readonly WriteOperation[]): Promise<void> {
    return this.pending.forget(operations);
  }

  async hugOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    return this.landingById(await this.pending.hugOperations(refs));
  }

  async requestOperations(refs: readonly SubjectRef[]): Promise<Map<string, WriteOperation[]>> {
    return this.landingById(await this.pending.requestOperations(refs));
  }

  newHugs(userId: string, direction: HugDirection): Promise<SubjectRef[]> {
    return this.pending.newHugs(userId, direction);
  }

  async inboxAfter(userId: string, after: number): Promise<InboxRecord[]> {
    const entries = await this.pending.inboxAfter(userId, after);
    const landed = await this.landing(entries.map((entry) => inboxAppend(entry)));
    return landed.flatMap((op) => (op.type === 'inbox.append' ? [op.entry] : []));
  }

  /** A deleted user's moods and notifications are gone with them: nothing of theirs is pending either. */
  async ownedOperations(userId: string, family: OwnedFamily): Promise<WriteOperation[]> {
    const ops = await this.pending.ownedOperations(userId, family);
    if (ops.length === 0 || !(await this.accounts.isDeleted(userId))) return ops;
    return [];
  }

  close(): Promise<void> {
    return this.pending.close();
  }

  private async landingById(byId: Map<string, WriteOperation[]>): Promise<Map<string, WriteOperation[]>> {
    const deleted = await this.deletedAmong([...byId.values()].flat());
    if (deleted.size === 0) return byId;
    const landed = new Map<string, WriteOperation[]>();
    for (const [id, ops] of byId) {
      const kept = ops.flatMap((op) => afterDeletions(op, (u) => deleted.has(u)) ?? []);
      if (kept.length > 0) landed.set(id, kept);
    }
    return landed;
  }

  private async landing(ops: readonly WriteOperation[]): Promise<WriteOperation[]> {
    const deleted = await this.deletedAmong(ops);
    if (deleted.size === 0) return [...ops];
    return ops.flatMap((op) => afterDeletions(op, (u) => deleted.has(u)) ?? []);
  }

  /** The users `ops` name whose accounts are deleted (one tombstone read per user). */
  private async deletedAmong(ops: readonly WriteOperation[]): Promise<Set<string>> {
    const users = [...new Set(ops.flatMap(usersOf))];
    if (users.length === 0) return new Set();
    const flags = await Promise.all(users.map((u) => this.accounts.isDeleted(u)));
    return new Set(users.filter((_, i) => flags[i]));
  }
}
