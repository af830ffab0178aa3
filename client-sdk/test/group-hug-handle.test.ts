import { describe, expect, it } from 'vitest';
import { GROUP_HUG_CURVE } from '../../protocol/group-hug-constants.js';
import type { GroupHugView } from '../../protocol/types/group-hugs.js';
import { GroupHug } from '../src/group-hugs/group-hug.js';
import { createGroupTimeline } from '../src/group-hugs/group-timeline.js';
import { silentLogger } from '../src/logger.js';

const view: GroupHugView = {
  id: 'g_handle0001',
  title: 't',
  creatorId: 'c',
  phase: 'gathering',
  version: 3,
  participants: ['c', 'a'],
  participantCount: 2,
  invited: ['b', 'd'],
  declined: [],
  createdAt: 1,
  scheduledAt: null,
  startsAt: null,
  durationMs: 10_000,
  curve: GROUP_HUG_CURVE,
  endedAt: null,
  cancelReason: null,
};

function handle(now = () => 0) {
  const refreshed: string[] = [];
  const h = new GroupHug(view, { clockNow: now, refresh: (id) => refreshed.push(id), squeeze: () => Promise.resolve(), logger: silentLogger });
  return { h, refreshed };
}

describe('GroupHug handle', () => {
  it('applies a diff that starts at its version, with the list rules, and reports the change', () => {
    const { h } = handle();
    const changes: number[] = [];
    h.on('change', (s) => changes.push(s.version));
    h.apply({ groupId: view.id, fromVersion: 3, version: 6, joined: ['b'], declined: ['d'], left: ['a'], invited: ['a'], phase: 'countdown', startsAt: 5000, at: 0 });
    expect(h.state).toMatchObject({ version: 6, phase: 'countdown', startsAt: 5000, participants: ['c', 'b'], invited: ['a'], declined: ['d'] });
    expect(changes).toEqual([6]);
  });

  it('skips a diff it already has, and asks for a snapshot when one is missing', () => {
    const { h, refreshed } = handle();
    h.apply({ groupId: view.id, fromVersion: 2, version: 3, joined: ['zz'], at: 0 });
    expect(h.state.participants).toEqual(['c', 'a']);
    h.apply({ groupId: view.id, fromVersion: 4, version: 5, joined: ['late'], at: 0 });
    expect(refreshed).toEqual([view.id]);
    expect(h.state.version).toBe(3);
    h.replace({ ...view, version: 5, participants: ['c', 'a', 'x', 'late'] });
    expect(h.state.participants).toEqual(['c', 'a', 'x', 'late']);
    h.replace({ ...view, version: 4 });
    expect(h.state.version).toBe(5);
  });

  it('keeps the count from diffs that name nobody (a large group), and reads the lists again once diffs name members', () => {
    const { h, refreshed } = handle();
    h.apply({ groupId: view.id, fromVersion: 3, version: 150, participantCount: 140, at: 0 });
    expect(h.state).toMatchObject({ version: 150, participantCount: 140, participants: ['c', 'a'] });
    expect(refreshed).toEqual([]);
    h.apply({ groupId: view.id, fromVersion: 150, version: 200, participantCount: 100, left: ['q'], at: 0 });
    expect(h.state.participantCount).toBe(100);
    expect(refreshed).toEqual([view.id]);
    // The snapshot read makes the lists current: named diffs then need no other read.
    h.replace({ ...view, version: 200, participants: ['c', 'a', 'q2'], participantCount: 3 });
    h.apply({ groupId: view.id, fromVersion: 200, version: 201, participantCount: 4, joined: ['z'], at: 0 });
    expect(refreshed).toEqual([view.id]);
  });

  it('knows its lists are stale even when the count comes back to their length', () => {
    const { h, refreshed } = handle();
    // Two joined and two left, unnamed: the count equals the list's length, the names do not.
    h.apply({ groupId: view.id, fromVersion: 3, version: 7, participantCount: 2, at: 0 });
    expect(h.state.participants).toEqual(['c', 'a']);
    h.apply({ groupId: view.id, fromVersion: 7, version: 8, participantCount: 1, left: ['x'], at: 0 });
    expect(refreshed).toEqual([view.id]);
  });

  it('exposes the shared timeline read against the synced clock', () => {
    let now = 0;
    const { h } = handle(() => now);
    expect(h.timeline).toBeNull();
    h.apply({ groupId: view.id, fromVersion: 3, version: 4, phase: 'countdown', startsAt: 1000, at: 0 });
    const timeline = h.timeline;
    expect(timeline?.phaseAt()).toBe('countdown');
    expect(timeline?.msUntilStart()).toBe(1000);
    now = 1000 + 2500;
    expect(timeline?.phaseAt()).toBe('live');
    expect(timeline?.progress()).toMatchObject({ t: 0.25, intensity: 1, done: false });
    now = 11_000;
    expect(timeline?.phaseAt()).toBe('ended');
    expect(timeline?.progress().done).toBe(true);
    const fixed = createGroupTimeline(0, 1000, GROUP_HUG_CURVE, () => 0);
    expect(fixed.progress(500).intensity).toBe(1);
  });
});
