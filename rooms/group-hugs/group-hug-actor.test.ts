import { describe, expect, it, vi } from 'vitest';
import { createGroupHug, type GroupHugState } from '../../domain/group-hugs/group-hug.js';
import { GROUP_LISTED_PARTICIPANTS } from '../../protocol/group-hug-constants.js';
import type { LogPort } from '../log-port.js';
import { RecordingRoomPort } from '../test-support/recording-room-port.js';
import { type ActorStopReason, GroupHugActor, type GroupHugActorDeps } from './group-hug-actor.js';
import type { GroupHugDirectory } from './group-hug-directory.js';
import { MemoryGroupHugDirectory } from './memory-group-hug-directory.js';

const quiet: LogPort = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const rules = { leadMs: 200, emptyTimeoutMs: 60_000, maxMembers: 50 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(leaseMs: number) {
  const directory = new MemoryGroupHugDirectory();
  const rooms = new RecordingRoomPort();
  const stops: ActorStopReason[] = [];
  const summaries: unknown[] = [];
  const deps: GroupHugActorDeps = {
    directory,
    rooms,
    rules,
    leaseMs,
    pulseMs: 100,
    retainMs: 60_000,
    log: quiet,
    now: Date.now,
    persistSummary: (s) => {
      summaries.push(s);
      return Promise.resolve();
    },
    onStopped: (_id, reason) => stops.push(reason),
  };
  const state = createGroupHug({ id: 'g_actor0001', title: 't', creatorId: 'c', invitees: ['a', 'b'], scheduledAt: null, durationMs: 3000 }, Date.now(), rules);
  return { directory, rooms, stops, summaries, deps, state };
}

describe('group hug actor', () => {
  it('a stale owner cannot write: its command is refused, the snapshot stays, nothing is broadcast, it steps down', async () => {
    const { directory, rooms, stops, deps, state } = setup(50);
    const lease = await directory.create(state, 'n1', 50);
    if (!lease) throw new Error('no lease');
    const stale = new GroupHugActor(state, lease, deps);
    await sleep(80);
    const taken = await directory.acquire(state.id, 'n2', 60_000);
    expect(taken).toMatchObject({ kind: 'acquired', lease: { token: 2 } });
    await expect(stale.execute({ type: 'join', userId: 'a' })).rejects.toMatchObject({ code: 'unavailable', details: { reason: 'not_owner' } });
    expect(stops).toEqual(['fenced']);
    expect(rooms.emitted('group:state')).toEqual([]);
    expect(await directory.acquire(state.id, 'n2', 60_000)).toMatchObject({ state: { version: 1, participants: ['c'] } });
    await expect(stale.execute({ type: 'join', userId: 'b' })).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('group-commits a burst of commands: few saves, each command answered with its own diff, few broadcasts that chain versions', async () => {
    const { directory, rooms, deps } = setup(60_000);
    const many = createGroupHug({ id: 'g_actor0002', title: 't', creatorId: 'c', invitees: Array.from({ length: 40 }, (_, i) => `u${i}`), scheduledAt: null, durationMs: 3000 }, Date.now(), rules);
    const lease = await directory.create(many, 'n1', 60_000);
    if (!lease) throw new Error('no lease');
    let saves = 0;
    const counting = { ...deps, directory: Object.assign(Object.create(directory) as MemoryGroupHugDirectory, { save: (...args: Parameters<MemoryGroupHugDirectory['save']>) => ((saves += 1), directory.save(...args)) }) };
    const actor = new GroupHugActor(many, lease, counting);
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => actor.execute({ type: 'join', userId: `u${i}` })));
    expect(outcomes.map((o) => o.diff?.joined)).toEqual(Array.from({ length: 40 }, (_, i) => [`u${i}`]));
    expect(saves).toBeLessThan(5);
    // The trailing diff of the burst comes within one pulse period.
    await vi.waitFor(() => expect(rooms.emitted('group:state').at(-1)?.payload.version).toBe(41));
    const diffs = rooms.emitted('group:state').map((e) => e.payload);
    expect(diffs.length).toBeLessThanOrEqual(saves);
    expect(diffs[0]?.fromVersion).toBe(1);
    expect(diffs.at(-1)?.version).toBe(41);
    diffs.slice(1).forEach((d, i) => expect(d.fromVersion).toBe(diffs[i]?.version));
    expect(diffs.flatMap((d) => d.joined ?? [])).toEqual(Array.from({ length: 40 }, (_, i) => `u${i}`));
    expect(actor.current.participants).toHaveLength(41);
    await actor.shutdown();
  });

  it('sends the next batch’s save while one is on its way, answers in order, and a failed save fails the batches built on it', async () => {
    const { directory, deps } = setup(60_000);
    const many = createGroupHug({ id: 'g_actor0003', title: 't', creatorId: 'c', invitees: Array.from({ length: 10 }, (_, i) => `u${i}`), scheduledAt: null, durationMs: 3000 }, Date.now(), rules);
    const lease = await directory.create(many, 'n1', 60_000);
    if (!lease) throw new Error('no lease');
    // Saves wait until the test lets them land, one by one, in the order they were sent.
    const held: { land: () => Promise<void>; fail: (error: Error) => void; since: unknown }[] = [];
    const slow = Object.assign(Object.create(directory) as MemoryGroupHugDirectory, {
      save: (...args: Parameters<GroupHugDirectory['save']>) =>
        new Promise<boolean>((resolve, reject) => {
          held.push({ land: () => directory.save(args[0], args[1], args[2]).then(resolve, reject), fail: reject, since: args[3] });
        }),
    });
    const actor = new GroupHugActor(many, lease, { ...deps, directory: slow });
    const answered: string[] = [];
    const join = (userId: string) =>
      actor.execute({ type: 'join', userId }).then(
        () => answered.push(`ok ${userId}`),
        (error: unknown) => answered.push(`refused ${userId}: ${(error as Error).message}`),
      );
    const first = join('u0');
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const second = join('u1');
    const third = join('u2');
    // Both later joins went out as one batch, whose save is on its way behind the first one.
    await vi.waitFor(() => expect(held).toHaveLength(2));
    // The later save lands first; once everything it set off has run, nobody is answered yet.
    await held[1]?.land();
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toEqual([]);
    void held[0]?.land();
    await Promise.all([first, second, third]);
    expect(answered).toEqual(['ok u0', 'ok u1', 'ok u2']);
    expect(actor.current.participants).toEqual(['c', 'u0', 'u1', 'u2']);

    // A save fails: its batch and the one sent behind it are refused, the head goes back to what is saved.
    const fourth = join('u3');
    await vi.waitFor(() => expect(held).toHaveLength(3));
    const fifth = join('u4');
    await vi.waitFor(() => expect(held).toHaveLength(4));
    held[2]?.fail(new Error('redis went away'));
    void held[3]?.land();
    await Promise.all([fourth, fifth]);
    expect(answered.slice(3)).toEqual(['refused u3: redis went away', 'refused u4: redis went away']);
    expect(actor.current.participants).toEqual(['c', 'u0', 'u1', 'u2']);
    // The next save starts from the saved state, whole (a failed write may or may not have landed).
    const sixth = join('u5');
    await vi.waitFor(() => expect(held).toHaveLength(5));
    expect(held[4]?.since).toBeUndefined();
    void held[4]?.land();
    await sixth;
    expect(actor.current.participants).toEqual(['c', 'u0', 'u1', 'u2', 'u5']);
    expect(await directory.acquire(many.id, 'n2', 60_000)).toMatchObject({ kind: 'held' });
    await actor.shutdown();
  });

  it('tells the room at most once per pulse period however the joins come, and a phase change at once', async () => {
    const { directory, rooms, deps } = setup(60_000);
    const invitees = Array.from({ length: GROUP_LISTED_PARTICIPANTS - 1 }, (_, i) => `u${i}`);
    const group = createGroupHug({ id: 'g_actor0003', title: 't', creatorId: 'c', invitees, scheduledAt: null, durationMs: 3000 }, Date.now(), { ...rules, maxMembers: 500 });
    const lease = await directory.create(group, 'n1', 60_000);
    if (!lease) throw new Error('no lease');
    const actor = new GroupHugActor(group, lease, { ...deps, rules: { ...rules, maxMembers: 500, leadMs: 60_000 } });
    const started = performance.now();
    for (const id of invitees) await actor.execute({ type: 'join', userId: id });
    const elapsed = performance.now() - started;
    await vi.waitFor(() => expect(rooms.emitted('group:state').at(-1)?.payload.version).toBe(GROUP_LISTED_PARTICIPANTS));
    const diffs = rooms.emitted('group:state').map((e) => e.payload);
    // 99 saves; one diff per 100 ms period (plus the leading one), chained, with every joiner.
    expect(diffs.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    diffs.slice(1).forEach((d, i) => expect(d.fromVersion).toBe(diffs[i]?.version));
    expect(diffs.flatMap((d) => d.joined ?? [])).toEqual(invitees);
    const before = diffs.length;
    await actor.execute({ type: 'start', by: 'c' });
    expect(rooms.emitted('group:state')).toHaveLength(before + 1);
    expect(rooms.emitted('group:state').at(-1)?.payload).toMatchObject({ phase: 'countdown', fromVersion: GROUP_LISTED_PARTICIPANTS, version: GROUP_LISTED_PARTICIPANTS + 1 });
    await actor.shutdown();
  });

  it('runs the timeline by itself: countdown, live with pulses from taps, complete with a summary, retired', async () => {
    const { directory, rooms, stops, summaries, deps, state } = setup(60_000);
    const lease = await directory.create(state, 'n1', 60_000);
    if (!lease) throw new Error('no lease');
    const actor = new GroupHugActor(state, lease, { ...deps, rules: { ...rules, leadMs: 100 } });
    actor.start();
    await actor.execute({ type: 'join', userId: 'a' });
    expect(actor.taps([['a', 1]])).toMatchObject({ a: { code: 'conflict' } });
    await actor.execute({ type: 'start', by: 'c' });
    await sleep(200);
    expect(actor.current.phase).toBe('live');
    expect(actor.taps([['a', 1], ['c', 0.5], ['z', 1]])).toEqual({ a: null, c: null, z: expect.objectContaining({ code: 'forbidden' }) as unknown });
    await sleep(250);
    expect(rooms.emitted('group:pulse')[0]?.payload).toMatchObject({ participantsSqueezing: 2 });
    await sleep(3000);
    expect(summaries).toHaveLength(1);
    expect(stops).toEqual(['final']);
    expect(await directory.acquire(state.id, 'n2', 1000)).toMatchObject({ kind: 'final', state: { phase: 'complete' } });
    expect(rooms.emitted('group:complete')).toHaveLength(1);
  }, 10_000);

  it('tells those who joined a scheduled group hug that it starts soon, once, and a successor owner tells them again only before it starts', async () => {
    const { directory, deps } = setup(60_000);
    const noticed: { at: number; participants: readonly string[] }[] = [];
    const startingSoon = { noticeMs: 300, notify: (s: GroupHugState) => void noticed.push({ at: Date.now(), participants: s.participants }) };
    const scheduledAt = Date.now() + 600;
    const scheduled = createGroupHug({ id: 'g_actor0009', title: 't', creatorId: 'c', invitees: ['a', 'b'], scheduledAt, durationMs: 300 }, Date.now(), rules);
    const lease = await directory.create(scheduled, 'n1', 60_000);
    if (!lease) throw new Error('no lease');
    const actor = new GroupHugActor(scheduled, lease, { ...deps, startingSoon });
    actor.start();
    await actor.execute({ type: 'join', userId: 'a' });
    await vi.waitFor(() => expect(noticed).toHaveLength(1), { timeout: 2000 });
    expect(noticed[0]?.at).toBeGreaterThanOrEqual(scheduledAt - 300);
    expect(noticed[0]?.participants).toEqual(['c', 'a']);
    // A successor that takes over between the notice and the start tells them again (the notifier makes it once).
    await actor.shutdown();
    const taken = await directory.acquire(scheduled.id, 'n2', 60_000);
    if (taken.kind !== 'acquired') throw new Error(`not acquired: ${taken.kind}`);
    const successor = new GroupHugActor(taken.state, taken.lease, { ...deps, startingSoon });
    successor.start();
    await vi.waitFor(() => expect(noticed).toHaveLength(2), { timeout: 2000 });
    await vi.waitFor(() => expect(successor.current.phase).toBe('complete'), { timeout: 3000 });
    expect(noticed).toHaveLength(2);

    // Scheduled sooner than the notice: no notice at all (everyone who joined knows already).
    const soon = createGroupHug({ id: 'g_actor0010', title: 't', creatorId: 'c', invitees: [], scheduledAt: Date.now() + 250, durationMs: 200 }, Date.now(), rules);
    const soonLease = await directory.create(soon, 'n1', 60_000);
    if (!soonLease) throw new Error('no lease');
    const quick = new GroupHugActor(soon, soonLease, { ...deps, startingSoon });
    quick.start();
    await vi.waitFor(() => expect(quick.current.phase).toBe('complete'), { timeout: 3000 });
    expect(noticed).toHaveLength(2);
  }, 10_000);

  it('runs a command delivered twice under one id once, and answers both deliveries alike', async () => {
    const { directory, rooms, deps, state } = setup(60_000);
    const lease = await directory.create(state, 'n1', 60_000);
    if (!lease) throw new Error('no lease');
    const actor = new GroupHugActor(state, lease, deps);
    const first = actor.execute({ type: 'start', by: 'c' }, 'cmd-1');
    const again = actor.execute({ type: 'start', by: 'c' }, 'cmd-1');
    expect(await again).toEqual(await first);
    expect((await first).diff).toMatchObject({ phase: 'countdown' });
    await expect(actor.execute({ type: 'start', by: 'c' }, 'cmd-2')).rejects.toMatchObject({ code: 'conflict' });
    expect(rooms.emitted('group:state').filter((e) => e.payload.phase === 'countdown')).toHaveLength(1);
    await actor.shutdown();
  });

  it('woken after a pause longer than its lease, it broadcasts no pulse before a renewal, and a fenced one never does', async () => {
    const { directory, rooms, stops, deps, state } = setup(200);
    const lease = await directory.create(state, 'n1', 200);
    if (!lease) throw new Error('no lease');
    const actor = new GroupHugActor(state, lease, { ...deps, rules: { ...rules, leadMs: 0 } });
    await actor.execute({ type: 'join', userId: 'a' });
    await actor.execute({ type: 'start', by: 'c' });
    actor.start();
    await sleep(50);
    expect(actor.current.phase).toBe('live');
    // The process "freezes": its monotonic clock jumps past the lease, and another node takes over.
    const realNow = performance.now.bind(performance);
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => realNow() + 10_000);
    try {
      await directory.release(lease);
      expect(await directory.acquire(state.id, 'n2', 60_000)).toMatchObject({ kind: 'acquired', lease: { token: 2 } });
      const before = rooms.emitted('group:pulse').length;
      actor.taps([['a', 1]]);
      await sleep(350);
      expect(rooms.emitted('group:pulse').length).toBe(before);
      expect(stops).toEqual(['fenced']);
    } finally {
      spy.mockRestore();
    }
  });
});
