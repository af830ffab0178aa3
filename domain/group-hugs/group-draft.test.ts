import { describe, expect, it } from 'vitest';
import { decide, GroupDraft } from './group-draft.js';
import { seeded } from '../../test-support/seeded-random.js';
import { createGroupHug, type GroupHugCommand, type GroupHugRules, type GroupHugState } from './group-hug.js';
import { LIST_NAMES, ListIndex } from './list-index.js';

const RULES: GroupHugRules = { leadMs: 3000, emptyTimeoutMs: 60_000, maxMembers: 12 };
const T0 = 1_700_000_000_000;

function commands(next: () => number, n: number): GroupHugCommand[] {
  const users = ['c', 'a', 'b', 'd', 'e', 'f', 'g', 'x', 'y'];
  const pick = () => users[Math.floor(next() * users.length)] ?? 'a';
  return Array.from({ length: n }, (): GroupHugCommand => {
    const r = next();
    if (r < 0.35) return { type: 'join', userId: pick() };
    if (r < 0.55) return { type: 'leave', userId: pick() };
    if (r < 0.7) return { type: 'decline', userId: pick() };
    if (r < 0.85) return { type: 'invite', by: next() < 0.8 ? 'c' : pick(), userIds: [pick(), pick()] };
    if (r < 0.95) return { type: 'start', by: pick() };
    return { type: 'cancel', by: next() < 0.5 ? 'c' : pick() };
  });
}

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

describe('GroupDraft', () => {
  it('a batch applied in one draft ends where the same commands one by one end, with the same diffs and refusals', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const next = seeded(seed);
      const start: GroupHugState = createGroupHug({ id: 'g_draft0001', title: 't', creatorId: 'c', invitees: ['a', 'b', 'd', 'e'], scheduledAt: null, durationMs: 10_000 }, T0, RULES);
      const batch = commands(next, 1 + Math.floor(next() * 12));
      const draft = new GroupDraft(start);
      let oneByOne = start;
      for (const command of batch) {
        const inDraft = outcome(() => draft.decide(command, T0, RULES));
        const alone = outcome(() => {
          const step = decide(oneByOne, command, T0, RULES);
          if (step) oneByOne = step.state;
          return step?.diff ?? null;
        });
        expect(inDraft, `seed ${seed}`).toEqual(alone);
      }
      expect(draft.state, `seed ${seed}`).toEqual(oneByOne);
    }
  });

  it('batches drafted over one index moved along (as an actor does) end where the commands one by one end', () => {
    const users = ['c', 'a', 'b', 'd', 'e', 'f', 'g', 'x', 'y'];
    for (let seed = 1; seed <= 100; seed += 1) {
      const next = seeded(seed);
      let state: GroupHugState = createGroupHug({ id: 'g_draft0004', title: 't', creatorId: 'c', invitees: ['a', 'b', 'd', 'e'], scheduledAt: null, durationMs: 10_000 }, T0, RULES);
      let oneByOne = state;
      const index = ListIndex.of(state);
      for (let b = 0; b < 8; b += 1) {
        const draft = new GroupDraft(state, index);
        for (const command of commands(next, 1 + Math.floor(next() * 6))) {
          outcome(() => draft.decide(command, T0, RULES));
          outcome(() => {
            const step = decide(oneByOne, command, T0, RULES);
            if (step) oneByOne = step.state;
          });
        }
        const after = draft.state;
        expect(after, `seed ${seed} batch ${b}`).toEqual(oneByOne);
        for (const userId of users) {
          const status = after.participants.includes(userId) ? 'participant' : after.declined.includes(userId) ? 'declined' : 'invited';
          expect(draft.statusOf(userId), `seed ${seed} batch ${b} ${userId}`).toBe(status);
        }
        index.moveTo(state, after, draft.listEdits());
        state = after;
        for (const name of LIST_NAMES) {
          expect(index.size(name), `seed ${seed} ${name}`).toBe(state[name].length);
          for (const userId of users) expect(index.has(name, userId), `seed ${seed} ${name} ${userId}`).toBe(state[name].includes(userId));
        }
      }
    }
  });

  it('refuses an index of another state, and an index moved from a state it was not of', () => {
    const start = createGroupHug({ id: 'g_draft0005', title: 't', creatorId: 'c', invitees: ['a'], scheduledAt: null, durationMs: 10_000 }, T0, RULES);
    const draft = new GroupDraft(start);
    draft.decide({ type: 'join', userId: 'a' }, T0, RULES);
    const joined = draft.state;
    expect(() => new GroupDraft(joined, ListIndex.of(start))).toThrow(/not of the state drafted on/);
    expect(() => ListIndex.of(joined).moveTo(start, joined, draft.listEdits())).toThrow(/not of the state these edits were made from/);
  });

  it('hands back the very state it started from when nothing changed, and untouched lists as they were', () => {
    const start = createGroupHug({ id: 'g_draft0002', title: 't', creatorId: 'c', invitees: ['a', 'b'], scheduledAt: null, durationMs: 10_000 }, T0, RULES);
    const draft = new GroupDraft(start);
    expect(draft.decide({ type: 'leave', userId: 'a' }, T0, RULES)).toBeNull();
    expect(draft.state).toBe(start);
    draft.decide({ type: 'decline', userId: 'b' }, T0, RULES);
    expect(draft.state.participants).toBe(start.participants);
    expect(draft.state).toMatchObject({ version: 2, invited: ['a'], declined: ['b'] });
  });

  it('keeps the lists in order: joiners appended, leavers invited again at the end', () => {
    const start = createGroupHug({ id: 'g_draft0003', title: 't', creatorId: 'c', invitees: ['a', 'b', 'd'], scheduledAt: null, durationMs: 10_000 }, T0, RULES);
    const draft = new GroupDraft(start);
    for (const userId of ['d', 'a', 'b']) draft.decide({ type: 'join', userId }, T0, RULES);
    draft.decide({ type: 'leave', userId: 'a' }, T0, RULES);
    draft.decide({ type: 'join', userId: 'a' }, T0, RULES);
    expect(draft.state).toMatchObject({ participants: ['c', 'd', 'b', 'a'], invited: [], version: 6 });
  });
});
