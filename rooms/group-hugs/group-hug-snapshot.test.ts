import { describe, expect, it } from 'vitest';
import { advance, createGroupHug, type GroupHugCommand, type GroupHugState, withWarmth } from '../../domain/group-hugs/group-hug.js';
import { decide } from '../../domain/group-hugs/group-draft.js';
import { seeded } from '../../test-support/seeded-random.js';
import { applyDelta, deltaBetween, encodeDelta, encodeSnapshot, restoreSnapshot } from './group-hug-snapshot.js';

const rules = { leadMs: 50, emptyTimeoutMs: 10_000, maxMembers: 400 };

/** Random batches of commands, ticks and warmer pulses, as an actor would save them. */
function* batches(seed: number, users: number): Generator<{ before: GroupHugState; after: GroupHugState }> {
  const random = seeded(seed);
  const pick = () => `u${Math.floor(random() * users)}`;
  let now = 1_000;
  let state = createGroupHug({ id: 'g_property01', title: 'p', creatorId: 'c', invitees: [pick(), pick()], scheduledAt: null, durationMs: 3000 }, now, rules);
  for (let b = 0; b < 60; b += 1) {
    const before = state;
    const size = 1 + Math.floor(random() * 6);
    for (let i = 0; i < size; i += 1) {
      now += Math.floor(random() * 40);
      const r = random();
      const command: GroupHugCommand =
        r < 0.35 ? { type: 'join', userId: pick() } : r < 0.5 ? { type: 'leave', userId: pick() } : r < 0.6 ? { type: 'decline', userId: pick() } : r < 0.85 ? { type: 'invite', by: 'c', userIds: [pick(), pick(), pick()] } : { type: 'start', by: 'c' };
      try {
        state = decide(state, command, now, rules)?.state ?? state;
      } catch {
        // Refused by the rules: nothing changes, as on a real actor.
      }
      state = advance(state, now, rules)?.state ?? state;
      if (random() < 0.2) state = withWarmth(state, Math.min(1, state.peakWarmth + random() / 4));
    }
    yield { before, after: state };
  }
}

describe('group hug snapshots as changes', () => {
  it('a change takes the state before exactly to the state after, over random batches (20 seeds)', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      for (const { before, after } of batches(seed, 30)) {
        expect(applyDelta(before, deltaBetween(before, after), 'g'), `seed ${seed}`).toEqual(after);
      }
    }
  });

  it('any new order of a list round-trips too: ids out of place are removed and appended again', () => {
    const random = seeded(77);
    const base = createGroupHug({ id: 'g_property02', title: 'p', creatorId: 'c', invitees: ['a', 'b', 'd', 'e', 'f'], scheduledAt: null, durationMs: 3000 }, 1_000, rules);
    for (let round = 0; round < 200; round += 1) {
      const pool = ['a', 'b', 'd', 'e', 'f', 'g', 'h'].filter(() => random() < 0.7);
      const invited = pool.sort(() => random() - 0.5);
      const after = { ...base, version: base.version + 1, invited };
      const delta = deltaBetween(base, after);
      expect(applyDelta(base, delta, 'g'), `round ${round}`).toEqual(after);
      // Only ids of the list before are removed, and what is appended is the tail of the list after.
      const change = delta.lists.invited;
      if (change && 'remove' in change) {
        expect(change.remove.every((id) => base.invited.includes(id))).toBe(true);
        expect(change.add).toEqual(invited.slice(invited.length - change.add.length));
      }
    }
  });

  it('restores the last state from a snapshot and the changes saved after it, through JSON', () => {
    for (let seed = 21; seed <= 30; seed += 1) {
      const changes: string[] = [];
      let first: GroupHugState | null = null;
      let last: GroupHugState | null = null;
      for (const { before, after } of batches(seed, 50)) {
        first ??= before;
        changes.push(encodeDelta(deltaBetween(before, after)));
        last = after;
      }
      if (!first || !last) throw new Error('no batches');
      expect(restoreSnapshot(encodeSnapshot(first), changes, first.id)).toEqual(last);
    }
  });

  it('a join costs the same in a group of 1,000 as in a group of 3', () => {
    const sizeOfJoin = (n: number) => {
      const invitees = Array.from({ length: n }, (_, i) => `user-${String(i).padStart(6, '0')}`);
      let state = createGroupHug({ id: 'g_sizes0001', title: 't', creatorId: 'c', invitees, scheduledAt: null, durationMs: 3000 }, 0, { ...rules, maxMembers: 5000 });
      for (const id of invitees.slice(0, n - 1)) state = decide(state, { type: 'join', userId: id }, 1, rules)?.state ?? state;
      const joined = decide(state, { type: 'join', userId: invitees[n - 1] ?? '' }, 2, rules)?.state ?? state;
      return encodeDelta(deltaBetween(state, joined)).length;
    };
    // Only the version numbers' digits differ.
    expect(sizeOfJoin(1000) - sizeOfJoin(3)).toBeLessThanOrEqual(8);
    expect(sizeOfJoin(1000)).toBeLessThan(200);
  });

  it('refuses a change that does not follow the version it is applied to, and a corrupt one', () => {
    const state = createGroupHug({ id: 'g_refuse0001', title: 't', creatorId: 'c', invitees: ['a'], scheduledAt: null, durationMs: 3000 }, 0, rules);
    const joined = decide(state, { type: 'join', userId: 'a' }, 1, rules)?.state ?? state;
    const change = deltaBetween(state, joined);
    expect(() => applyDelta(joined, change, state.id)).toThrow(/does not follow version 2/);
    expect(() => restoreSnapshot(encodeSnapshot(state), ['{"from":1,"set":{"phase":"dancing"},"lists":{}}'], state.id)).toThrow(/corrupt saved change/);
  });
});
