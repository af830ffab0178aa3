import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GroupHug, GroupPulseEvent, HugMoodClient } from '../client-sdk/src/index.js';
import { type Account, register } from './support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from './support/clients.js';
import { type ServerProcess, startServer } from './support/server-process.js';

const GROUP_ENV = {
  GROUP_LEAD_MS: '2500',
  RATE_USER_BURST: '2000',
  RATE_USER_PER_S: '2000',
  RATE_CONN_BURST: '2000',
  RATE_CONN_PER_S: '2000',
  RATE_SQUEEZES_PER_S: '20',
};

interface Member {
  readonly account: Account;
  readonly client: HugMoodClient;
}

describe('group hugs end to end through the SDK', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: GROUP_ENV });
  });
  afterEach(() => closeAllClients());
  afterAll(async () => {
    await server.stop();
  });

  /** A creator and `n` friends, each connected (in the cluster project, spread over the nodes). */
  async function circle(n: number): Promise<{ creator: Member; friends: Member[] }> {
    const creatorAccount = await register(server.url, 'host');
    const creator = { account: creatorAccount, client: await connectedClient(server.url, creatorAccount) };
    const friends = await Promise.all(
      Array.from({ length: n }, async () => {
        const account = await register(server.url, 'pal');
        const client = await connectedClient(server.url, account);
        await befriend(creator.client, client, account.userId, creatorAccount.userId);
        return { account, client };
      }),
    );
    return { creator, friends };
  }

  it('create, invite, join, countdown, live squeezes and pulses, complete: the same startsAt everywhere, the summary in history', async () => {
    const { creator, friends } = await circle(4);
    const invites = friends.map((f) => {
      const seen: string[] = [];
      f.client.groupHugs.on('invited', ({ groupId }) => seen.push(groupId));
      return seen;
    });
    const group = await creator.client.groupHugs.create({ title: 'Friday hug', invitees: friends.map((f) => f.account.userId), durationMs: 3000 });
    expect(group.state).toMatchObject({ phase: 'gathering', creatorId: creator.account.userId, participants: [creator.account.userId], startsAt: null });
    expect(group.state.invited).toHaveLength(4);
    await eventually(() => invites.every((seen) => seen.includes(group.id)), 5000, 'every invitation');

    const handles: GroupHug[] = [group];
    for (const f of friends) handles.push(await f.client.groupHugs.join(group.id));
    await eventually(() => handles.every((h) => h.state.participants.length === 5), 5000, 'every join on every handle');

    const started = await creator.client.groupHugs.start(group.id);
    const startsAt = started.state.startsAt;
    expect(started.state.phase).toBe('countdown');
    expect(startsAt).toBeGreaterThan(Date.now() + 1500);
    await eventually(() => handles.every((h) => h.state.startsAt === startsAt), 5000, 'startsAt on every handle');
    expect(handles.map((h) => h.timeline?.phaseAt())).toEqual(handles.map(() => 'countdown'));

    const pulses = handles.map((h) => {
      const got: GroupPulseEvent[] = [];
      h.on('pulse', (p) => got.push(p));
      return got;
    });
    const summaries = handles.map((h) => {
      const got: unknown[] = [];
      h.on('complete', (s) => got.push(s));
      return got;
    });
    await eventually(() => handles.every((h) => h.state.phase === 'live'), 8000, 'live everywhere');
    for (let round = 0; round < 10; round += 1) {
      await Promise.all([creator, ...friends].map((m, i) => m.client.groupHugs.squeeze(group.id, 0.5 + i * 0.1)));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await eventually(() => pulses.every((p) => p.length >= 3), 5000, 'pulses on every client');
    for (const got of pulses) {
      expect(got.some((p) => p.participantsSqueezing === 5)).toBe(true);
      // 10 Hz at most: pulses never come closer than ~100 ms apart in server time.
      const gaps = got.slice(1).map((p, i) => p.t - (got[i]?.t ?? 0));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(95);
    }

    await eventually(() => summaries.every((s) => s.length === 1), 8000, 'group:complete on every client');
    const summary = summaries[0]?.[0];
    expect(summary).toMatchObject({ groupId: group.id, title: 'Friday hug', startsAt, durationMs: 3000, endedAt: (startsAt ?? 0) + 3000 });
    expect((summary as { participants: string[] }).participants).toHaveLength(5);
    expect((summary as { peakWarmth: number }).peakWarmth).toBeGreaterThan(0);
    expect(handles.every((h) => h.state.phase === 'complete')).toBe(true);
    for (const m of [creator, ...friends]) {
      const page = await eventually(async () => {
        const h = await m.client.groupHugs.history();
        return h.summaries.length > 0 ? h : undefined;
      }, 5000, 'the summary in history');
      expect(page.summaries[0]).toEqual(summary);
    }
  });

  it('an invitee offline at invitation time finds the invite in the inbox when connecting', async () => {
    const { creator, friends } = await circle(1);
    const late = friends[0];
    if (!late) throw new Error('no friend');
    late.client.close();
    const group = await creator.client.groupHugs.create({ title: 'Late one', invitees: [late.account.userId] });
    const back = await connectedClient(server.url, late.account);
    const seen: string[] = [];
    back.groupHugs.on('invited', ({ groupId, from }) => {
      expect(from).toBe(creator.account.userId);
      seen.push(groupId);
    });
    await eventually(() => seen.includes(group.id), 5000, 'the invitation through inbox sync');
    const joined = await back.groupHugs.join(group.id);
    expect(joined.state.participants).toContain(late.account.userId);
  });

  it('refuses strangers, non-creators, the wrong phase and bad intensities; limits tap floods without stalling the actor', async () => {
    const { creator, friends } = await circle(2);
    const [a, b] = friends;
    if (!a || !b) throw new Error('no friends');
    const strangerAccount = await register(server.url, 'stranger');
    const stranger = await connectedClient(server.url, strangerAccount);
    await expect(creator.client.groupHugs.create({ title: 'x', invitees: [strangerAccount.userId] })).rejects.toMatchObject({ code: 'forbidden', details: { field: 'invitees' } });
    const group = await creator.client.groupHugs.create({ title: 'Rules', invitees: [a.account.userId] });
    await expect(stranger.groupHugs.join(group.id)).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'not_invited' } });
    await expect(stranger.groupHugs.get(group.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(b.client.groupHugs.join(group.id)).rejects.toMatchObject({ code: 'forbidden' });
    await a.client.groupHugs.join(group.id);
    await expect(a.client.groupHugs.start(group.id)).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'not_creator' } });
    await expect(a.client.groupHugs.squeeze(group.id, 0.5)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'gathering' } });
    await expect(a.client.groupHugs.squeeze(group.id, 1.5)).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'intensity' } });
    await expect(a.client.groupHugs.squeeze(group.id, -0.1)).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(a.client.request('group:join', { groupId: 'not-a-group' })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'groupId' } });
    await expect(a.client.groupHugs.get('g_doesnotexist00000000000')).rejects.toMatchObject({ code: 'not_found' });
    await expect(creator.client.groupHugs.create({ title: '', invitees: [] })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'title' } });
    await expect(creator.client.groupHugs.create({ title: 'past', scheduledAt: Date.now() - 1000 })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'scheduledAt' } });
    await expect(creator.client.groupHugs.create({ title: 'short', durationMs: 10 })).rejects.toMatchObject({ code: 'invalid_payload', details: { field: 'durationMs' } });

    await creator.client.groupHugs.start(group.id);
    const handle = a.client.groupHugs.handle(group.id);
    await eventually(() => handle?.state.phase === 'live', 8000, 'live');
    const pulses: GroupPulseEvent[] = [];
    handle?.on('pulse', (p) => pulses.push(p));
    // A flood: 300 taps at once from one connection. Past the bucket they are refused, fast.
    const flood = await Promise.allSettled(Array.from({ length: 300 }, () => a.client.groupHugs.squeeze(group.id, 1)));
    const refused = flood.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(200);
    expect(refused[0]).toMatchObject({ reason: { code: 'rate_limited' } });
    expect(flood.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
    // The actor still answers at once, and pulses keep their pace.
    const before = Date.now();
    await creator.client.groupHugs.get(group.id);
    expect(Date.now() - before).toBeLessThan(1000);
    await eventually(() => pulses.length >= 2, 3000, 'pulses after the flood');
    await expect(stranger.groupHugs.squeeze(group.id, 0.5)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(b.client.groupHugs.cancel(group.id)).rejects.toMatchObject({ code: 'forbidden' });
    const cancelled = await creator.client.groupHugs.cancel(group.id);
    expect(cancelled.state).toMatchObject({ phase: 'cancelled', cancelReason: 'creator' });
    await expect(a.client.groupHugs.squeeze(group.id, 0.5)).rejects.toMatchObject({ code: 'conflict' });
    await expect(creator.client.groupHugs.start(group.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('acknowledges a join with the version and the joiner’s entry, no lists; the SDK reads the snapshot once, then follows diffs', async () => {
    const { creator, friends } = await circle(3);
    const [a, b, c] = friends;
    if (!a || !b || !c) throw new Error('three friends expected');
    const group = await creator.client.groupHugs.create({ title: 'Small acks', invitees: friends.map((f) => f.account.userId) });
    const ack = await a.client.request('group:join', { groupId: group.id });
    expect(ack).toEqual({ groupId: group.id, version: 2, phase: 'gathering', startsAt: null, participantCount: 2, you: { userId: a.account.userId, status: 'participant' } });
    expect(ack).not.toHaveProperty('participants');
    // The creator follows by diffs; b's SDK reads the snapshot once when it starts following.
    const handle = await b.client.groupHugs.join(group.id);
    expect(handle.state.participants).toEqual([creator.account.userId, a.account.userId, b.account.userId]);
    await eventually(() => group.state.version === 3 && group.state.participants.length === 3, 5000, 'the joins on the creator’s handle');
    const declined = await c.client.groupHugs.decline(group.id);
    expect(declined).toMatchObject({ version: 4, participantCount: 3, you: { userId: c.account.userId, status: 'declined' } });
    const left = await a.client.groupHugs.leave(group.id);
    expect(left).toMatchObject({ version: 5, participantCount: 2, you: { status: 'invited' } });
    await eventually(() => handle.state.version === 5 && group.state.version === 5, 5000, 'the decline and the leave on every handle');
    expect(handle.state).toMatchObject({ participants: [creator.account.userId, b.account.userId], declined: [c.account.userId] });
    expect(handle.state.invited).toContain(a.account.userId);
    // Refused joins leave nobody following: a stranger gets no diffs.
    await expect(c.client.request('group:join', { groupId: 'g_doesnotexist000' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('rejoins the group hugs it was in after a reconnect, so diffs and pulses keep coming', async () => {
    const { creator, friends } = await circle(1);
    const a = friends[0];
    if (!a) throw new Error('no friend');
    const group = await creator.client.groupHugs.create({ title: 'Stay with me', invitees: [a.account.userId] });
    const mine = await a.client.groupHugs.join(group.id);
    // The network drops under the SDK (the transport closes; the server forgets this socket and its rooms).
    const internals = a.client as unknown as { connection: { socket: { io: { engine: { close(): void } } } } };
    // Heard as events, not polled: the reconnect can be quicker than a poll.
    let dropped = false;
    const off = a.client.onStateChange((state) => {
      if (state !== 'connected') dropped = true;
    });
    internals.connection.socket.io.engine.close();
    await eventually(() => dropped, 3000, 'the SDK to notice the drop');
    off();
    await eventually(() => a.client.state === 'connected', 10_000, 'the SDK to reconnect');
    // Only a rejoined socket is in the room again: the countdown's diff reaches the handle.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await creator.client.groupHugs.start(group.id);
    await eventually(() => mine.state.phase === 'countdown' || mine.state.phase === 'live', 5000, 'the start on the reconnected handle');
    expect(mine.state.startsAt).toBe(creator.client.groupHugs.handle(group.id)?.state.startsAt);
    expect(mine.joined).toBe(true);
  });

  it('syncs the SDK clock with the server: offset near zero on one machine, a finite bound', async () => {
    const account = await register(server.url, 'clock');
    const client = await connectedClient(server.url, account);
    await client.clock.whenSynced();
    expect(Math.abs(client.clock.offset)).toBeLessThan(25);
    expect(client.clock.uncertaintyMs).toBeLessThan(100);
    expect(Math.abs(client.clock.now() - Date.now())).toBeLessThan(25);
  });
});
