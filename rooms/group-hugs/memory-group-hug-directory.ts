import type { GroupHugState } from '../../domain/group-hugs/group-hug.js';
import type { AcquireResult, GroupHugDirectory, GroupLease } from './group-hug-directory.js';
import { memberChanges, membersOf } from './group-members.js';

interface Entry {
  token: number;
  owner: string;
  until: number;
  state: GroupHugState;
  final: boolean;
  forgetAt: number;
}

/** {@link GroupHugDirectory} in this process's memory: the embedded shape, and tests. */
export class MemoryGroupHugDirectory implements GroupHugDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly groupsOf = new Map<string, Set<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  private live(groupId: string): Entry | undefined {
    const entry = this.entries.get(groupId);
    if (entry?.final && entry.forgetAt <= this.now()) {
      this.entries.delete(groupId);
      return undefined;
    }
    return entry;
  }

  private current(lease: GroupLease): Entry | null {
    const entry = this.live(lease.groupId);
    return entry && !entry.final && entry.token === lease.token && entry.owner === lease.nodeId ? entry : null;
  }

  create(state: GroupHugState, nodeId: string, leaseMs: number): Promise<GroupLease | null> {
    if (this.live(state.id)) return Promise.resolve(null);
    this.entries.set(state.id, { token: 1, owner: nodeId, until: this.now() + leaseMs, state, final: false, forgetAt: Infinity });
    for (const userId of membersOf(state)) this.addMember(userId, state.id);
    return Promise.resolve({ groupId: state.id, nodeId, token: 1 });
  }

  owner(groupId: string): Promise<{ nodeId: string; token: number } | null> {
    const entry = this.live(groupId);
    return Promise.resolve(entry && !entry.final && entry.until > this.now() ? { nodeId: entry.owner, token: entry.token } : null);
  }

  acquire(groupId: string, nodeId: string, leaseMs: number): Promise<AcquireResult> {
    const entry = this.live(groupId);
    if (!entry) return Promise.resolve({ kind: 'missing' });
    if (entry.final) return Promise.resolve({ kind: 'final', state: entry.state });
    const now = this.now();
    if (entry.until > now && entry.owner !== nodeId) return Promise.resolve({ kind: 'held', owner: entry.owner, token: entry.token });
    if (entry.owner !== nodeId || entry.until <= now) entry.token += 1;
    entry.owner = nodeId;
    entry.until = now + leaseMs;
    return Promise.resolve({ kind: 'acquired', lease: { groupId, nodeId, token: entry.token }, state: entry.state });
  }

  renew(lease: GroupLease, leaseMs: number): Promise<boolean> {
    const entry = this.current(lease);
    if (entry) entry.until = this.now() + leaseMs;
    return Promise.resolve(entry !== null);
  }

  save(lease: GroupLease, state: GroupHugState, leaseMs: number): Promise<boolean> {
    const entry = this.current(lease);
    if (entry) {
      const { added, removed } = memberChanges(entry.state, state);
      for (const userId of added) this.addMember(userId, state.id);
      for (const userId of removed) void this.forgetMember(userId, state.id);
      entry.state = state;
      entry.until = this.now() + leaseMs;
    }
    return Promise.resolve(entry !== null);
  }

  retire(lease: GroupLease, state: GroupHugState, retainMs: number): Promise<boolean> {
    const entry = this.current(lease);
    if (entry) {
      for (const userId of new Set([...membersOf(entry.state), ...membersOf(state)])) void this.forgetMember(userId, state.id);
      Object.assign(entry, { state, final: true, until: 0, forgetAt: this.now() + retainMs });
    }
    return Promise.resolve(entry !== null);
  }

  release(lease: GroupLease): Promise<void> {
    const entry = this.current(lease);
    if (entry) entry.until = 0;
    return Promise.resolve();
  }

  memberOf(userId: string): Promise<string[]> {
    return Promise.resolve([...(this.groupsOf.get(userId) ?? [])]);
  }

  forgetMember(userId: string, groupId: string): Promise<void> {
    const groups = this.groupsOf.get(userId);
    groups?.delete(groupId);
    if (groups?.size === 0) this.groupsOf.delete(userId);
    return Promise.resolve();
  }

  private addMember(userId: string, groupId: string): void {
    let groups = this.groupsOf.get(userId);
    if (!groups) {
      groups = new Set();
      this.groupsOf.set(userId, groups);
    }
    groups.add(groupId);
  }

  orphans(limit: number): Promise<string[]> {
    const now = this.now();
    const ids: string[] = [];
    for (const [id, entry] of this.entries) {
      if (ids.length >= limit) break;
      if (!entry.final && entry.until <= now) ids.push(id);
    }
    return Promise.resolve(ids);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
