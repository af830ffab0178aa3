import { describe, expect, it } from 'vitest';
import { register } from './support/accounts.js';
import { befriend, connectedClient } from './support/clients.js';
import { sharedServer } from './support/shared-server.js';

/**
 * What is waiting for a user, read on the server (so any device, a fresh one or one that restarted,
 * sees the same): unread hugs, hug requests to answer, and group hugs not yet ended.
 */
describe('pending state, read from any device', () => {
  const server = sharedServer();

  it('hugs.unread lists the unread hugs newest first, and drops one the moment it is read', async () => {
    const { url } = server();
    const [amy, bob] = await Promise.all([register(url, 'amy'), register(url, 'bob')]);
    const [amyPhone, bobClient] = await Promise.all([connectedClient(url, amy), connectedClient(url, bob)]);
    await befriend(amyPhone, bobClient, bob.userId, amy.userId);
    for (const message of ['one', 'two', 'three']) await bobClient.hugs.send(amy.userId, { kind: 'warm', message });
    // Another device of Amy's, which has seen none of them.
    const amyLaptop = await connectedClient(url, amy);
    const all = await amyLaptop.hugs.unread();
    expect(all.hugs.map((h) => h.message)).toEqual(['three', 'two', 'one']);
    expect(all.more).toBe(false);
    expect(await amyLaptop.hugs.unread({ limit: 2 })).toMatchObject({ more: true, hugs: [{ message: 'three' }, { message: 'two' }] });
    const two = all.hugs[1];
    if (!two) throw new Error('no second hug');
    await amyPhone.hugs.markRead(two.id);
    expect((await amyLaptop.hugs.unread()).hugs.map((h) => h.message)).toEqual(['three', 'one']);
    expect((await bobClient.hugs.unread()).hugs).toEqual([]);
  });

  it('hugs.pending lists the requests waiting for an answer, newest first, until each is answered', async () => {
    const { url } = server();
    const [amy, bob, carol] = await Promise.all([register(url, 'amy'), register(url, 'bob'), register(url, 'carol')]);
    const [amyClient, bobClient, carolClient] = await Promise.all([connectedClient(url, amy), connectedClient(url, bob), connectedClient(url, carol)]);
    await befriend(amyClient, bobClient, bob.userId, amy.userId);
    await befriend(amyClient, carolClient, carol.userId, amy.userId);
    const fromBob = await bobClient.hugs.request(amy.userId, { message: 'rough day' });
    const fromCarol = await carolClient.hugs.request(amy.userId, { message: 'exam tomorrow' });
    const waiting = await (await connectedClient(url, amy)).hugs.pending();
    expect(waiting.map((r) => [r.id, r.from, r.status])).toEqual([
      [fromCarol.requestId, carol.userId, 'pending'],
      [fromBob.requestId, bob.userId, 'pending'],
    ]);
    await amyClient.hugs.answer(fromBob.requestId, true, { kind: 'bear' });
    expect((await amyClient.hugs.pending()).map((r) => r.id)).toEqual([fromCarol.requestId]);
    expect(await bobClient.hugs.pending()).toEqual([]);
  });

  it('groupHugs.open lists the group hugs not yet ended that each is in or invited to, on any device', async () => {
    const { url } = server();
    const [amy, bob, carol] = await Promise.all([register(url, 'amy'), register(url, 'bob'), register(url, 'carol')]);
    const [amyClient, bobClient, carolClient] = await Promise.all([connectedClient(url, amy), connectedClient(url, bob), connectedClient(url, carol)]);
    await befriend(amyClient, bobClient, bob.userId, amy.userId);
    await befriend(amyClient, carolClient, carol.userId, amy.userId);
    const group = await amyClient.groupHugs.create({ title: 'Tea', invitees: [bob.userId, carol.userId], durationMs: 3000 });

    const bobLaptop = await connectedClient(url, bob);
    const [open] = await bobLaptop.groupHugs.open();
    expect(open?.state).toMatchObject({ id: group.id, title: 'Tea', phase: 'gathering', invited: expect.arrayContaining([bob.userId]) as unknown });
    await carolClient.groupHugs.decline(group.id);
    expect(await carolClient.groupHugs.open()).toEqual([]);
    await bobClient.groupHugs.join(group.id);
    const completed = new Promise((resolve) => group.on('complete', resolve));
    await amyClient.groupHugs.start(group.id);
    const phases = (await (await connectedClient(url, amy)).groupHugs.open()).map((g) => [g.id, g.state.phase]);
    expect(phases).toEqual([[group.id, 'countdown']]);
    // Once it has ended, nobody has it open any more.
    await completed;
    expect(await bobLaptop.groupHugs.open()).toEqual([]);
    expect(await amyClient.groupHugs.open()).toEqual([]);
  }, 30_000);
});
