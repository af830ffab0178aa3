import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGroupHug, type GroupHugState } from '../../domain/group-hugs/group-hug.js';
import { decide } from '../../domain/group-hugs/group-draft.js';
import { StateBroadcaster } from './state-broadcaster.js';

const rules = { leadMs: 1000, emptyTimeoutMs: 60_000, maxMembers: 100 };

describe('state broadcaster', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the first change at once, folds the rest of the period into one diff, and a phase change at once', () => {
    vi.useFakeTimers();
    let now = 0;
    const sent: { fromVersion: number; version: number; joined?: readonly string[]; phase?: string }[] = [];
    let state: GroupHugState = createGroupHug({ id: 'g_broadcast1', title: 't', creatorId: 'c', invitees: ['a', 'b', 'd'], scheduledAt: null, durationMs: 3000 }, 0, rules);
    const broadcaster = new StateBroadcaster(state, (diff) => sent.push(diff), 100, () => now);
    const apply = (command: Parameters<typeof decide>[1]) => {
      state = decide(state, command, now, rules)?.state ?? state;
      broadcaster.changed(state);
    };
    apply({ type: 'join', userId: 'a' });
    expect(sent).toEqual([expect.objectContaining({ fromVersion: 1, version: 2, joined: ['a'] })]);
    now = 30;
    apply({ type: 'join', userId: 'b' });
    now = 60;
    apply({ type: 'join', userId: 'd' });
    expect(sent).toHaveLength(1);
    now = 100;
    vi.advanceTimersByTime(70);
    expect(sent[1]).toMatchObject({ fromVersion: 2, version: 4, joined: ['b', 'd'] });
    now = 120;
    apply({ type: 'start', by: 'c' });
    expect(sent[2]).toMatchObject({ fromVersion: 4, version: 5, phase: 'countdown' });
    broadcaster.cancel();
  });
});
