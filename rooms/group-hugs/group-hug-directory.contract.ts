import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGroupHug, type GroupHugState, withWarmth } from '../../domain/group-hugs/group-hug.js';
import { decide } from '../../domain/group-hugs/group-draft.js';
import type { GroupHugDirectory, GroupLease } from './group-hug-directory.js';

/** Opens a fresh directory for one test. */
export interface GroupHugDirectoryFactory {
  open(): Promise<GroupHugDirectory>;
}

const LONG = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rules = { leadMs: 3000, emptyTimeoutMs: 60_000, maxMembers: 100 };

function newState(): GroupHugState {
  return createGroupHug({ id: `g_${randomUUID()}`, title: 'contract', creatorId: 'c', invitees: ['a', 'b'], scheduledAt: null, durationMs: 10_000 }, 1000, rules);
}

function mustLease(lease: GroupLease | null): GroupLease {
  if (!lease) throw new Error('expected a lease');
  return lease;
}

/** The behaviour every {@link GroupHugDirectory} must show: leases, fencing, snapshots, orphans. */
export function runGroupHugDirectoryContract(name: string, factory: GroupHugDirectoryFactory): void {
  describe(`group hug directory contract: ${name}`, () => {
    let dir: GroupHugDirectory;
    let state: GroupHugState;
    beforeEach(async () => {
      dir = await factory.open();
      state = newState();
    });

    it('creates once, with token 1, and names its owner', async () => {
      const lease = mustLease(await dir.create(state, 'n1', LONG));
      expect(lease).toEqual({ groupId: state.id, nodeId: 'n1', token: 1 });
      expect(await dir.create(state, 'n2', LONG)).toBeNull();
      expect(await dir.owner(state.id)).toEqual({ nodeId: 'n1', token: 1 });
      expect(await dir.acquire(`g_${randomUUID()}`, 'n1', LONG)).toEqual({ kind: 'missing' });
    });

    it('refuses a live lease to another node and names the holder', async () => {
      await dir.create(state, 'n1', LONG);
      expect(await dir.acquire(state.id, 'n2', LONG)).toEqual({ kind: 'held', owner: 'n1', token: 1 });
      const again = await dir.acquire(state.id, 'n1', LONG);
      expect(again).toMatchObject({ kind: 'acquired', lease: { token: 1 } });
    });

    it('hands an expired lease to the next node with a higher token and the last snapshot', async () => {
      const lease = mustLease(await dir.create(state, 'n1', LONG));
      const joined = { ...state, version: 2, participants: ['c', 'a'], invited: ['b'] };
      expect(await dir.save(lease, joined, 80)).toBe(true);
      await sleep(150);
      expect(await dir.owner(state.id)).toBeNull();
      expect(await dir.orphans(10)).toContain(state.id);
      const taken = await dir.acquire(state.id, 'n2', LONG);
      expect(taken).toEqual({ kind: 'acquired', lease: { groupId: state.id, nodeId: 'n2', token: 2 }, state: joined });
      expect(await dir.orphans(10)).not.toContain(state.id);
      expect(await dir.owner(state.id)).toEqual({ nodeId: 'n2', token: 2 });
    });

    it('fences a stale owner: it can neither save, renew, release nor retire, and the state stays', async () => {
      const stale = mustLease(await dir.create(state, 'n1', 50));
      await sleep(100);
      const taken = await dir.acquire(state.id, 'n2', LONG);
      if (taken.kind !== 'acquired') throw new Error('expected to take over');
      const mine = { ...state, version: 2, participants: ['c', 'b'], invited: ['a'] };
      expect(await dir.save(taken.lease, mine, LONG)).toBe(true);
      const overwrite = { ...state, version: 9, phase: 'cancelled' as const };
      expect(await dir.save(stale, overwrite, LONG)).toBe(false);
      expect(await dir.renew(stale, LONG)).toBe(false);
      expect(await dir.retire(stale, overwrite, LONG)).toBe(false);
      await dir.release(stale);
      expect(await dir.owner(state.id)).toEqual({ nodeId: 'n2', token: 2 });
      const read = await dir.acquire(state.id, 'n2', LONG);
      expect(read).toMatchObject({ kind: 'acquired', state: mine });
    });

    it('keeps a renewed lease alive past its first term', async () => {
      const lease = mustLease(await dir.create(state, 'n1', 120));
      for (let i = 0; i < 4; i += 1) {
        await sleep(50);
        expect(await dir.renew(lease, 120)).toBe(true);
      }
      expect(await dir.acquire(state.id, 'n2', LONG)).toMatchObject({ kind: 'held', owner: 'n1' });
    });

    it('releases a lease at once for the next node', async () => {
      const lease = mustLease(await dir.create(state, 'n1', LONG));
      await dir.release(lease);
      expect(await dir.owner(state.id)).toBeNull();
      expect(await dir.orphans(10)).toContain(state.id);
      expect(await dir.acquire(state.id, 'n2', LONG)).toMatchObject({ kind: 'acquired', lease: { token: 2 } });
    });

    it("keeps each user's group hugs: invitees and participants in, those who decline or leave out, none once it ends", async () => {
      const [creator, a, b, late] = ['c', 'a', 'b', 'late'].map((n) => `${n}-${randomUUID()}`) as [string, string, string, string];
      const group = createGroupHug({ id: `g_${randomUUID()}`, title: 'members', creatorId: creator, invitees: [a, b], scheduledAt: null, durationMs: 10_000 }, 1000, rules);
      const lease = mustLease(await dir.create(group, 'n1', LONG));
      for (const user of [creator, a, b]) expect(await dir.memberOf(user)).toEqual([group.id]);
      const joined = { ...group, version: 2, participants: [creator, a], invited: [b] };
      expect(await dir.save(lease, joined, LONG, group)).toBe(true);
      const changed = { ...joined, version: 3, invited: [late], declined: [b] };
      expect(await dir.save(lease, changed, LONG, joined)).toBe(true);
      expect(await dir.memberOf(b)).toEqual([]);
      expect(await dir.memberOf(late)).toEqual([group.id]);
      expect(await dir.memberOf(a)).toEqual([group.id]);
      // A save that does not say what it follows still adds.
      const again = { ...changed, version: 4, participants: [creator, a, b], declined: [] };
      expect(await dir.save(lease, again, LONG)).toBe(true);
      expect(await dir.memberOf(b)).toEqual([group.id]);
      await dir.forgetMember(b, group.id);
      expect(await dir.memberOf(b)).toEqual([]);
      const done = { ...again, version: 5, phase: 'complete' as const, endedAt: 5000 };
      expect(await dir.retire(lease, done, LONG)).toBe(true);
      for (const user of [creator, a, b, late]) expect(await dir.memberOf(user)).toEqual([]);
    });

    it('retires a finished group hug: no owner, no orphan, its final snapshot for anyone', async () => {
      const lease = mustLease(await dir.create(state, 'n1', 50));
      const done = { ...state, version: 5, phase: 'complete' as const, endedAt: 5000 };
      expect(await dir.retire(lease, done, LONG)).toBe(true);
      await sleep(80);
      expect(await dir.owner(state.id)).toBeNull();
      expect(await dir.orphans(100)).not.toContain(state.id);
      expect(await dir.acquire(state.id, 'n2', LONG)).toEqual({ kind: 'final', state: done });
      expect(await dir.save(lease, state, LONG)).toBe(false);
    });

    it('saves a long run of changes (given the state each follows) that a new owner restores exactly', async () => {
      const big = createGroupHug({ id: `g_${randomUUID()}`, title: 'many', creatorId: 'c', invitees: Array.from({ length: 300 }, (_, i) => `u${i}`), scheduledAt: null, durationMs: 10_000 }, 1000, { ...rules, maxMembers: 1000 });
      const lease = mustLease(await dir.create(big, 'n1', 80));
      let saved = big;
      for (let i = 0; i < 300; i += 1) {
        const next = decide(saved, { type: 'join', userId: `u${i}` }, 2000 + i, rules)?.state ?? saved;
        // Now and then a warmer pulse, which changes no version.
        const warmer = i % 50 === 7 ? withWarmth(next, i / 300) : next;
        expect(await dir.save(lease, warmer, 80, saved)).toBe(true);
        saved = warmer;
      }
      // A save without `since` (after one that threw) stores the whole state; changes follow it again.
      const left = decide(saved, { type: 'leave', userId: 'u3' }, 9000, rules)?.state ?? saved;
      expect(await dir.save(lease, left, 80)).toBe(true);
      const back = decide(left, { type: 'join', userId: 'u3' }, 9001, rules)?.state ?? left;
      expect(await dir.save(lease, back, 80, left)).toBe(true);
      await sleep(150);
      const taken = await dir.acquire(big.id, 'n2', LONG);
      expect(taken).toEqual({ kind: 'acquired', lease: { groupId: big.id, nodeId: 'n2', token: 2 }, state: back });
    });

    it('two nodes racing for an orphan: exactly one wins', async () => {
      await dir.create(state, 'n1', 30);
      await sleep(60);
      const results = await Promise.all(['n2', 'n3', 'n4'].map((n) => dir.acquire(state.id, n, LONG)));
      expect(results.filter((r) => r.kind === 'acquired')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'held')).toHaveLength(2);
    });
  });
}
