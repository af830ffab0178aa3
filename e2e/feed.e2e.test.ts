import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeedItem, Hug, ReceivedNotification } from '../client-sdk/src/index.js';
import { register } from './support/accounts.js';
import { befriend, connectedClient, eventually } from './support/clients.js';
import { sharedServer } from './support/shared-server.js';

const DAY = 24 * 3600 * 1000;

/** An item's kind and whose it is, for comparing feeds. */
const brief = (item: FeedItem) => `${item.type}:${item.userId}`;

describe("friends' activity feed through the SDK", () => {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-feed-clock-'));
  const clockFile = join(dir, 'offset');
  const serverOf = sharedServer({ env: { MOOD_CLOCK_FILE: clockFile } });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows friends' shared moods, milestones and new friendships, newest first, live; hides them after shareMoodsWith none and after a block", async () => {
    const server = serverOf();
    const [a, b, c, d] = [await register(server.url, 'ann'), await register(server.url, 'ben'), await register(server.url, 'cat'), await register(server.url, 'dan')];
    const [ca, cb, cc, cd] = [await connectedClient(server.url, a), await connectedClient(server.url, b), await connectedClient(server.url, c), await connectedClient(server.url, d)];
    await befriend(ca, cb, b.userId, a.userId);
    await befriend(ca, cc, c.userId, a.userId);
    // Ben records a mood three days running (the clock of moods moves a day at a time): a 3-day milestone.
    const start = Date.UTC(2031, 4, 1, 12);
    const moods: string[] = [];
    for (let day = 0; day < 3; day += 1) {
      writeFileSync(clockFile, String(start + day * DAY - Date.now()));
      moods.push((await cb.moods.record('hopeful', { intensity: 0.6, timeZone: 'UTC' })).moodId);
    }
    // A private mood is nobody's feed.
    await cb.moods.record('sad', { intensity: 0.3, timeZone: 'UTC', visibility: 'private' });

    // The feed reads what the store holds (friends' activities are written behind, within moments).
    const page = await eventually(async () => {
      const p = await ca.feed.page({ limit: 50 });
      return p.items.filter((i) => i.userId === b.userId).length >= 5 && p;
    }, 5000, "Ben's activities in Ann's feed");
    const mine = page.items.filter((i) => i.userId === b.userId);
    // The milestone and the mood that reached it share a time: either may come first.
    expect(mine.map((i) => i.type).sort()).toEqual(['friendship', 'mood', 'mood', 'mood', 'streak-milestone']);
    const milestone = mine.find((i) => i.type === 'streak-milestone');
    const third = mine.find((i) => i.type === 'mood' && i.mood.id === moods[2]);
    expect(milestone).toMatchObject({ days: 3, createdAt: third?.createdAt });
    expect(mine.slice(0, 2).map((i) => i.type).sort()).toEqual(['mood', 'streak-milestone']);
    expect(mine.filter((i) => i.type === 'mood').map((i) => (i.type === 'mood' ? i.mood.id : ''))).toEqual([...moods].reverse());
    expect(mine.at(-1)).toMatchObject({ type: 'friendship', friendId: a.userId });
    expect(page.items.map((i) => i.createdAt)).toEqual([...page.items.map((i) => i.createdAt)].sort((x, y) => y - x));
    // Paging gives the same items, a few at a time.
    const paged: FeedItem[] = [];
    for (let next: string | undefined; ; ) {
      const p = await ca.feed.page({ limit: 2, ...(next ? { before: next } : {}) });
      paged.push(...p.items);
      if (!p.next) break;
      next = p.next;
    }
    expect(paged.map((i) => i.id)).toEqual(page.items.map((i) => i.id));
    // A stranger's feed holds none of it.
    expect((await cd.feed.page()).items).toEqual([]);

    // Live: Cat's next shared mood reaches Ann's feed at once.
    const live: FeedItem[] = [];
    ca.feed.on('new', (item) => live.push(item));
    const { moodId } = await cc.moods.record('calm', { intensity: 0.5, timeZone: 'UTC' });
    await eventually(() => live.find((i) => i.type === 'mood' && i.mood.id === moodId), 5000, "Cat's mood live in Ann's feed");

    // Ben shares with no one now: his older items go from Ann's feed too.
    await cb.privacy.update({ shareMoodsWith: 'none' });
    const afterPrivacy = await eventually(async () => {
      const items = (await ca.feed.page({ limit: 50 })).items.map(brief);
      return items.includes(`mood:${c.userId}`) && items;
    }, 5000, "Cat's mood in Ann's feed");
    expect(afterPrivacy.filter((i) => i.endsWith(`:${b.userId}`))).toEqual([]);
    // Cat blocks Ann: Cat's items go.
    await cc.friends.block(a.userId);
    const afterBlock = (await ca.feed.page({ limit: 50 })).items.map(brief);
    expect(afterBlock.filter((i) => i.endsWith(`:${c.userId}`))).toEqual([]);
  });

  it('answers a feed item with a hug its author reads as "a hug for your mood", and refuses an item not theirs or no longer shown', async () => {
    const server = serverOf();
    const [a, b, c] = [await register(server.url, 'amy'), await register(server.url, 'bob'), await register(server.url, 'cal')];
    const [ca, cb, cc] = [await connectedClient(server.url, a), await connectedClient(server.url, b), await connectedClient(server.url, c)];
    await befriend(ca, cb, b.userId, a.userId);
    await befriend(ca, cc, c.userId, a.userId);
    const live: FeedItem[] = [];
    ca.feed.on('new', (item) => live.push(item));
    await ca.feed.page();
    const received: Hug[] = [];
    cb.hugs.on('received', (hug) => received.push(hug));
    const heard: ReceivedNotification[] = [];
    cb.notifications.on('new', (n) => heard.push(n));
    const { moodId } = await cb.moods.record('sad', { intensity: 0.4, timeZone: 'UTC' });
    const item = await eventually(() => live.find((i) => i.type === 'mood' && i.mood.id === moodId), 5000, "Bob's mood live in Amy's feed");

    // Answered the moment it shows (its activity may not be stored yet).
    const { hugId } = await ca.hugs.send(b.userId, { kind: 'warm', message: 'here for you', context: { activityId: item.id } });
    const hug = await eventually(() => received.find((h) => h.id === hugId), 5000, 'the hug at Bob');
    expect(hug.context).toEqual({ activityId: item.id, type: 'mood' });
    const note = await eventually(() => heard.find((n) => n.type === 'hug' && n.data.hugId === hugId), 5000, "the hug's notification");
    expect(note.title).toMatch(/^amy.* sent you a warm hug for your mood/);
    expect(note.data.activityId).toBe(item.id);
    const stored = await eventually(async () => (await cb.hugs.history({ direction: 'received' })).hugs.find((h) => h.id === hugId), 5000, "the hug in Bob's history");
    expect(stored.context).toEqual({ activityId: item.id, type: 'mood' });

    // Someone else's item, no item, a malformed id: refused, nothing sent.
    const refused = { code: 'not_found', details: { field: 'context.activityId' } };
    await expect(ca.hugs.send(c.userId, { kind: 'warm', context: { activityId: item.id } })).rejects.toMatchObject(refused);
    await expect(ca.hugs.send(b.userId, { kind: 'warm', context: { activityId: 'a_nosuchactivity00000000' } })).rejects.toMatchObject(refused);
    await expect(ca.hugs.send(b.userId, { kind: 'warm', context: { activityId: 'no such id!' } })).rejects.toMatchObject({ code: 'invalid_payload' });
    // Cal is no friend of Bob's: Bob's mood is not Cal's to answer, whatever Cal's privacy allows.
    await cb.privacy.update({ allowHugsFrom: 'anyone' });
    await expect(cc.hugs.send(b.userId, { kind: 'warm', context: { activityId: item.id } })).rejects.toMatchObject(refused);
    // Once Bob shares his moods with no one, the item is not Amy's to answer either (a plain hug still is).
    await cb.privacy.update({ shareMoodsWith: 'none' });
    await expect(ca.hugs.send(b.userId, { kind: 'warm', context: { activityId: item.id } })).rejects.toMatchObject(refused);
    await ca.hugs.send(b.userId, { kind: 'warm' });
    expect(received.filter((h) => h.context !== null).map((h) => h.id)).toEqual([hugId]);
  });
});
