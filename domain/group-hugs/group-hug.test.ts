import { describe, expect, it } from 'vitest';
import { CommandError } from '../command-error.js';
import { GROUP_LISTED_PARTICIPANTS } from '../../protocol/group-hug-constants.js';
import { advance, createGroupHug, diffBetween, type GroupHugCommand, type GroupHugRules, type GroupHugState, nextDeadline } from './group-hug.js';
import { decide } from './group-draft.js';

const RULES: GroupHugRules = { leadMs: 3000, emptyTimeoutMs: 60_000, maxMembers: 5 };
const T0 = 1_000_000;

function fresh(overrides: Partial<Parameters<typeof createGroupHug>[0]> = {}): GroupHugState {
  return createGroupHug({ id: 'g_test0001', title: 'Friday', creatorId: 'c', invitees: ['a', 'b'], scheduledAt: null, durationMs: 10_000, ...overrides }, T0, RULES);
}

function apply(state: GroupHugState, command: GroupHugCommand, now = T0): GroupHugState {
  const next = decide(state, command, now, RULES);
  if (!next) throw new Error('expected a change');
  expect(next.diff.version).toBe(state.version + 1);
  expect(next.state.version).toBe(state.version + 1);
  return next.state;
}

function refusal(state: GroupHugState, command: GroupHugCommand, now = T0): CommandError {
  try {
    decide(state, command, now, RULES);
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function run(state: GroupHugState, now: number): GroupHugState {
  let current = state;
  for (let next = advance(current, now, RULES); next; next = advance(current, now, RULES)) current = next.state;
  return current;
}

describe('group hug state machine', () => {
  it('creates in gathering with the creator as participant and invitees deduplicated', () => {
    const s = fresh({ invitees: ['a', 'a', 'c', 'b'] });
    expect(s).toMatchObject({ phase: 'gathering', version: 1, participants: ['c'], invited: ['a', 'b'], startsAt: null, peakWarmth: 0 });
    expect(() => fresh({ invitees: ['1', '2', '3', '4', '5'] })).toThrow(/at most 5/);
  });

  it('invite: creator only, skips members, re-invites a decliner, refuses past the member cap', () => {
    const s = fresh();
    expect(refusal(s, { type: 'invite', by: 'a', userIds: ['x'] }).code).toBe('forbidden');
    expect(decide(s, { type: 'invite', by: 'c', userIds: ['a', 'c'] }, T0, RULES)).toBeNull();
    const declined = apply(s, { type: 'decline', userId: 'a' });
    const next = decide(declined, { type: 'invite', by: 'c', userIds: ['a', 'x'] }, T0, RULES);
    expect(next?.diff).toEqual({ version: 3, invited: ['a', 'x'] });
    expect(next?.state.declined).toEqual([]);
    expect(refusal(next?.state ?? s, { type: 'invite', by: 'c', userIds: ['y', 'z'] })).toMatchObject({ code: 'conflict', details: { reason: 'full' } });
  });

  it('join: invitees and decliners may, strangers get forbidden, twice changes nothing', () => {
    const s = fresh();
    const joined = apply(s, { type: 'join', userId: 'a' });
    expect(joined).toMatchObject({ participants: ['c', 'a'], invited: ['b'] });
    expect(decide(joined, { type: 'join', userId: 'a' }, T0, RULES)).toBeNull();
    expect(refusal(s, { type: 'join', userId: 'stranger' })).toMatchObject({ code: 'forbidden', details: { reason: 'not_invited' } });
    const changedMind = apply(apply(s, { type: 'decline', userId: 'b' }), { type: 'join', userId: 'b' });
    expect(changedMind).toMatchObject({ participants: ['c', 'b'], declined: [] });
  });

  it('decline: invitees only; a participant must leave instead', () => {
    const s = fresh();
    const declined = apply(s, { type: 'decline', userId: 'a' });
    expect(declined).toMatchObject({ invited: ['b'], declined: ['a'] });
    expect(decide(declined, { type: 'decline', userId: 'a' }, T0, RULES)).toBeNull();
    expect(refusal(s, { type: 'decline', userId: 'c' }).code).toBe('conflict');
    expect(refusal(s, { type: 'decline', userId: 'stranger' }).code).toBe('forbidden');
  });

  it('leave: back to invited; the last one out starts the empty timer; strangers get forbidden', () => {
    const s = fresh();
    const left = decide(s, { type: 'leave', userId: 'c' }, T0 + 5, RULES);
    expect(left?.state).toMatchObject({ participants: [], invited: ['a', 'b', 'c'], emptySince: T0 + 5 });
    expect(left?.diff).toEqual({ version: 2, left: ['c'], invited: ['c'] });
    expect(decide(s, { type: 'leave', userId: 'a' }, T0, RULES)).toBeNull();
    expect(refusal(s, { type: 'leave', userId: 'stranger' }).code).toBe('forbidden');
    const back = apply(left?.state ?? s, { type: 'join', userId: 'c' });
    expect(back.emptySince).toBeNull();
  });

  it('start: creator only, from gathering only, fixes startsAt one lead ahead', () => {
    const s = fresh();
    expect(refusal(s, { type: 'start', by: 'a' })).toMatchObject({ code: 'forbidden', details: { reason: 'not_creator' } });
    const started = decide(s, { type: 'start', by: 'c' }, T0 + 100, RULES);
    expect(started?.diff).toEqual({ version: 2, phase: 'countdown', startsAt: T0 + 3100 });
    expect(refusal(started?.state ?? s, { type: 'start', by: 'c' }).code).toBe('conflict');
    const empty = apply(s, { type: 'leave', userId: 'c' });
    expect(refusal(empty, { type: 'start', by: 'c' })).toMatchObject({ code: 'conflict', details: { reason: 'empty' } });
  });

  it('countdown → live at startsAt → complete after the duration; startsAt never moves', () => {
    const started = apply(fresh(), { type: 'start', by: 'c' });
    const startsAt = started.startsAt ?? 0;
    expect(nextDeadline(started, RULES)).toBe(startsAt);
    expect(advance(started, startsAt - 1, RULES)).toBeNull();
    const live = run(started, startsAt);
    expect(live).toMatchObject({ phase: 'live', startsAt });
    expect(nextDeadline(live, RULES)).toBe(startsAt + 10_000);
    expect(advance(live, startsAt + 9_999, RULES)).toBeNull();
    const done = advance(live, startsAt + 10_500, RULES);
    expect(done?.diff).toEqual({ version: live.version + 1, phase: 'complete', endedAt: startsAt + 10_000 });
    expect(done && nextDeadline(done.state, RULES)).toBeNull();
    expect(done && advance(done.state, startsAt + 99_999, RULES)).toBeNull();
  });

  it('a restored owner catches up through every missed transition in order', () => {
    const started = apply(fresh(), { type: 'start', by: 'c' });
    const phases: string[] = [];
    let s = started;
    for (let next = advance(s, T0 + 60_000, RULES); next; next = advance(s, T0 + 60_000, RULES)) {
      phases.push(next.state.phase);
      s = next.state;
    }
    expect(phases).toEqual(['live', 'complete']);
    expect(s.endedAt).toBe((started.startsAt ?? 0) + 10_000);
  });

  it('the schedule opens the countdown so the live part starts at the scheduled time', () => {
    const s = fresh({ scheduledAt: T0 + 20_000 });
    expect(nextDeadline(s, RULES)).toBe(T0 + 17_000);
    expect(advance(s, T0 + 16_999, RULES)).toBeNull();
    expect(advance(s, T0 + 17_000, RULES)?.state).toMatchObject({ phase: 'countdown', startsAt: T0 + 20_000 });
    // Past its time (its owner was down): it still gets a countdown, never a start in the past.
    expect(advance(s, T0 + 25_000, RULES)?.state.startsAt).toBe(T0 + 26_000);
  });

  it('cancel: creator only, from any phase that is not final', () => {
    const s = fresh();
    expect(refusal(s, { type: 'cancel', by: 'a' }).code).toBe('forbidden');
    const live = run(apply(s, { type: 'start', by: 'c' }), T0 + 3000);
    const cancelled = decide(live, { type: 'cancel', by: 'c' }, T0 + 4000, RULES);
    expect(cancelled?.state).toMatchObject({ phase: 'cancelled', endedAt: T0 + 4000, cancelReason: 'creator' });
    const final = cancelled?.state ?? s;
    expect(refusal(final, { type: 'cancel', by: 'c' }).code).toBe('conflict');
    expect(refusal(final, { type: 'join', userId: 'a' }).code).toBe('conflict');
    expect(refusal(final, { type: 'invite', by: 'c', userIds: ['z'] }).code).toBe('conflict');
  });

  it('an empty group hug is cancelled after the timeout, unless someone comes back', () => {
    const empty = apply(fresh(), { type: 'leave', userId: 'c' }, T0);
    expect(nextDeadline(empty, RULES)).toBe(T0 + 60_000);
    expect(advance(empty, T0 + 59_999, RULES)).toBeNull();
    expect(advance(empty, T0 + 60_000, RULES)?.state).toMatchObject({ phase: 'cancelled', cancelReason: 'empty' });
    const back = apply(empty, { type: 'join', userId: 'a' }, T0 + 1000);
    expect(advance(back, T0 + 61_000, RULES)).toBeNull();
  });

  it('diffBetween: one diff across a batch of commands, with only what changed', () => {
    const s0 = fresh({ invitees: ['a', 'b', 'd'] });
    let s = apply(s0, { type: 'join', userId: 'a' });
    s = apply(s, { type: 'decline', userId: 'b' });
    s = apply(s, { type: 'leave', userId: 'c' });
    s = apply(s, { type: 'invite', by: 'c', userIds: ['x'] });
    s = apply(s, { type: 'start', by: 'c' });
    expect(diffBetween(s0, s)).toEqual({ fromVersion: 1, version: 6, phase: 'countdown', startsAt: T0 + 3000, participantCount: 1, joined: ['a'], left: ['c'], invited: ['c', 'x'], declined: ['b'] });
    expect(diffBetween(s, s)).toEqual({ fromVersion: 6, version: 6 });
  });

  it('diffBetween: above the listed size a diff carries the count, never the names of who joined, left or declined', () => {
    const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const big = { ...RULES, maxMembers: 5000 };
    let s = createGroupHug({ id: 'g_big00001', title: 't', creatorId: 'c', invitees: [...ids(GROUP_LISTED_PARTICIPANTS + 50, 'u'), 'late', 'no'], scheduledAt: null, durationMs: 30_000 }, T0, big);
    for (const id of ids(GROUP_LISTED_PARTICIPANTS - 2, 'u')) s = decide(s, { type: 'join', userId: id }, T0, big)?.state ?? s;
    const small = s;
    s = decide(s, { type: 'join', userId: 'u98' }, T0, big)?.state ?? s;
    // At the limit after the change: still named.
    expect(diffBetween(small, s)).toMatchObject({ participantCount: GROUP_LISTED_PARTICIPANTS, joined: ['u98'] });
    const atLimit = s;
    for (const id of ids(129, 'u').slice(99)) s = decide(s, { type: 'join', userId: id }, T0, big)?.state ?? s;
    s = decide(s, { type: 'decline', userId: 'no' }, T0, big)?.state ?? s;
    s = decide(s, { type: 'leave', userId: 'u3' }, T0, big)?.state ?? s;
    s = decide(s, { type: 'invite', by: 'c', userIds: ['x'] }, T0, big)?.state ?? s;
    const diff = diffBetween(atLimit, s);
    expect(diff).toEqual({ fromVersion: atLimit.version, version: s.version, participantCount: GROUP_LISTED_PARTICIPANTS + 29, invited: ['x'] });
    // A change that leaves the participants as they were says nothing about them.
    expect(diffBetween(s, decide(s, { type: 'invite', by: 'c', userIds: ['y'] }, T0, big)?.state ?? s)).not.toHaveProperty('participantCount');
  });
});
