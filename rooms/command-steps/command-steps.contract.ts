import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingWrites } from '../../persistence/write-behind/pending-writes.js';
import { hugRecord } from '../../persistence/store/store-fixtures.js';
import { moodRecord } from '../../persistence/store/mood-store.contract.js';
import { hugCreate, hugDelivered, inboxAppend, moodCreate, moodStreakSave, userLastSeen, type WriteOperation } from '../../persistence/write-behind/write-operation.js';
import type { CommandStep, CommandSteps, StepOutcome } from './command-step.js';
import { UNASSIGNED_CURSOR } from './step-operations.js';

/** One shape's steps for one test. */
export interface CommandStepsFixture {
  readonly steps: CommandSteps;
  /** Steps of a second node over the same state (the same instance where there is only one node). */
  readonly otherNode: CommandSteps;
  readonly pending: PendingWrites;
  /** Writes everything queued so far and returns it in log order. */
  written(): Promise<WriteOperation[]>;
  /** Gives `userId` a live device. */
  markOnline(userId: string): Promise<void>;
  close(): Promise<void>;
}

export type CommandStepsFactory = () => Promise<CommandStepsFixture>;

const rule = { name: 'hug', capacity: 2, refillPerSecond: 0.01 };

function entryFor(userId: string, id: string): WriteOperation {
  return inboxAppend({ userId, cursor: UNASSIGNED_CURSOR, id, type: 'hug', ref: id, createdAt: 1, data: {} });
}

function done(outcome: StepOutcome): Extract<StepOutcome, { kind: 'done' }> {
  if (outcome.kind !== 'done') throw new Error(`expected a done step, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/**
 * The behaviour every {@link CommandSteps} must show: claims stop a replay before anything is
 * charged, charges refuse with the rule and a wait, appends get consecutive cursors that are never
 * visible without their entry (also from two nodes at once), `once` markers replay the first
 * append, and the log gets each operation once, with its cursor.
 */
export function runCommandStepsContract(name: string, factory: CommandStepsFactory): void {
  describe(`command steps contract: ${name}`, () => {
    let fixture: CommandStepsFixture | undefined;
    afterEach(async () => {
      await fixture?.close();
      fixture = undefined;
    });

    it("records a mood and its streak pending in the step that appends them, readable from another node, and logs them once", async () => {
      const f = await factory();
      fixture = f;
      const user = `u-${randomUUID()}`;
      const mood = moodCreate(moodRecord({ userId: user, recordedAt: 5000 }));
      const streak = moodStreakSave(user, { current: 1, longest: 1, firstDate: '2026-11-30', lastDate: '2026-11-30', lastZone: 'UTC' }, 5000);
      const outcome = await f.otherNode.run({ userId: user, claim: { key: `mood:${mood.mood.id}`, fingerprint: 'fp', ttlMs: 60_000 }, append: { operations: [mood, streak] } });
      expect(outcome).toMatchObject({ kind: 'done', replayed: false, cursor: null });
      expect((await f.pending.ownedOperations(user, 'moods')).map((op) => op.id)).toEqual([mood.id, streak.id]);
      const logged = (await f.written()).filter((op) => op.type === 'mood.create' || op.type === 'mood.streak');
      expect(logged.map((op) => op.id)).toEqual([mood.id, streak.id]);
    });

    it('stops at a taken claim before charging anything, and refuses a charge with its rule and wait', async () => {
      const f = await factory();
      fixture = f;
      const user = `u-${randomUUID()}`;
      const step = (clientId: string): CommandStep => ({ userId: user, claim: { key: `hug:${user}:${clientId}`, fingerprint: `fp-${clientId}`, ttlMs: 60_000 }, charges: [{ key: user, rule }] });
      expect(await f.steps.run(step('a'))).toMatchObject({ kind: 'done', replayed: false });
      expect(await f.otherNode.run(step('a'))).toMatchObject({ kind: 'claimed-before', claim: { fingerprint: 'fp-a', result: null } });
      expect(await f.steps.run(step('b'))).toMatchObject({ kind: 'done' });
      const refused = await f.steps.run(step('c'));
      expect(refused).toMatchObject({ kind: 'rate-limited', rule: 'hug' });
      expect(refused.kind === 'rate-limited' && refused.retryAfterMs).toBeGreaterThan(0);
      // A refused step took no claim: its command may run again once allowed.
      expect(await f.steps.run({ userId: user, claim: { key: `hug:${user}:c`, fingerprint: 'fp-c', ttlMs: 60_000 } })).toMatchObject({ kind: 'done' });
    });

    it('appends with consecutive cursors, writes each operation once with its cursor, and replays a once-marked append', async () => {
      const f = await factory();
      fixture = f;
      const user = `u-${randomUUID()}`;
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, (_, i) => f.steps.run({ userId: user, append: { operations: [entryFor(user, `e${i}`), userLastSeen(user, i)], once: { key: `once:${user}:e${i}`, ttlMs: 60_000 } } })),
      );
      const cursors = outcomes.map((o) => done(o).cursor);
      expect([...cursors].sort()).toEqual([1, 2, 3, 4, 5]);
      const again = done(await f.otherNode.run({ userId: user, append: { operations: [entryFor(user, 'e2'), userLastSeen(user, 2)], once: { key: `once:${user}:e2`, ttlMs: 60_000 } } }));
      expect(again).toMatchObject({ replayed: true, cursor: cursors[2] });

      const pending = await f.pending.inboxAfter(user, 0);
      expect(pending.map((e) => [e.cursor, e.id])).toEqual(cursors.map((c, i) => [c, `e${i}`]).sort((a, b) => Number(a[0]) - Number(b[0])));
      const written = await f.written();
      const entries = written.flatMap((op) => (op.type === 'inbox.append' && op.entry.userId === user ? [[op.entry.cursor, op.entry.id]] : []));
      expect(entries).toEqual(cursors.map((c, i) => [c, `e${i}`]).sort((a, b) => Number(a[0]) - Number(b[0])));
      expect(written.filter((op) => op.type === 'user.last-seen' && op.userId === user)).toHaveLength(5);
    });

    it('gives several entries of one step consecutive cursors in their order, pending and logged with them', async () => {
      const f = await factory();
      fixture = f;
      const user = `u-${randomUUID()}`;
      const first = done(await f.steps.run({ userId: user, append: { operations: [entryFor(user, 'a')] } }));
      const both = done(await f.otherNode.run({ userId: user, append: { operations: [entryFor(user, 'b'), userLastSeen(user, 1), entryFor(user, 'c')] } }));
      const last = done(await f.steps.run({ userId: user, append: { operations: [entryFor(user, 'd')] } }));
      const [a, b, d] = [first.cursor, both.cursor, last.cursor].map(Number) as [number, number, number];
      expect(b).toBeGreaterThan(a);
      expect(d).toBeGreaterThan(b + 1);
      expect((await f.pending.inboxAfter(user, 0)).map((e) => [e.id, e.cursor])).toEqual([
        ['a', a],
        ['b', b],
        ['c', b + 1],
        ['d', d],
      ]);
      const logged = (await f.written()).flatMap((op) => (op.type === 'inbox.append' && op.entry.userId === user ? [[op.entry.id, op.entry.cursor]] : []));
      expect(logged).toEqual([
        ['a', a],
        ['b', b],
        ['c', b + 1],
        ['d', d],
      ]);
    });

    it('reads the hug an append concerns from the pending writes: its parties, or why the step stopped', async () => {
      const f = await factory();
      fixture = f;
      const [from, to] = [`u-${randomUUID()}`, `u-${randomUUID()}`];
      const hug = hugRecord({ id: `h-${randomUUID()}`, from, to, sentAt: 1000 });
      done(await f.steps.run({ userId: to, append: { operations: [hugCreate(hug), entryFor(to, `hug:${hug.id}`)] } }));
      const delivered = (user: string) => ({ userId: user, append: { operations: [hugDelivered(hug.id, 2000, user)], hugId: hug.id } });
      expect(await f.otherNode.run(delivered(to))).toMatchObject({ kind: 'done', hug: { from, to, sentAt: 1000 } });
      // Anyone else's step stops: `hug-of-another` where one state holds every user's pending hugs (one
      // node), `hug-not-pending` where each user's state holds the hugs sent to them (a Redis Cluster slot).
      expect(['hug-of-another', 'hug-not-pending']).toContain((await f.steps.run(delivered(from))).kind);
      expect(await f.steps.run({ userId: to, append: { operations: [hugDelivered('h-unknown', 2000, to)], hugId: 'h-unknown' } })).toEqual({ kind: 'hug-not-pending' });
      const deliveries = (await f.written()).filter((op) => op.type === 'hug.delivered');
      expect(deliveries.map((op) => op.id)).toEqual([`hug.delivered:${hug.id}`]);
    });

    it('appends a once-while-pending operation once: a later step, on either node, finds it pending and replays', async () => {
      const f = await factory();
      fixture = f;
      const [from, to] = [`u-${randomUUID()}`, `u-${randomUUID()}`];
      const hug = hugRecord({ id: `h-${randomUUID()}`, from, to, sentAt: 1000 });
      done(await f.steps.run({ userId: to, append: { operations: [hugCreate(hug), entryFor(to, `hug:${hug.id}`)] } }));
      const receipt = (hugId: string, at: number, withHug: boolean): CommandStep => ({
        userId: to,
        append: { operations: [hugDelivered(hugId, at, to)], once: 'while-pending', ...(withHug ? { hugId } : {}) },
      });
      expect(await f.steps.run(receipt(hug.id, 2000, true))).toMatchObject({ kind: 'done', replayed: false, hug: { from, to } });
      expect(await f.otherNode.run(receipt(hug.id, 3000, true))).toMatchObject({ kind: 'done', replayed: true, cursor: null });
      // A hug whose creation is no longer pending (in the store, say): its pending receipt still counts.
      const older = `h-${randomUUID()}`;
      expect(await f.steps.run(receipt(older, 2000, false))).toMatchObject({ kind: 'done', replayed: false });
      expect(await f.otherNode.run(receipt(older, 3000, false))).toMatchObject({ kind: 'done', replayed: true });
      expect(await f.steps.run(receipt(older, 4000, true))).toMatchObject({ kind: 'done', replayed: true });
      expect(await f.steps.run(receipt(`h-${randomUUID()}`, 4000, true))).toEqual({ kind: 'hug-not-pending' });
      await expect(f.steps.run({ userId: to, append: { operations: [entryFor(to, 'e1')], once: 'while-pending' } })).rejects.toThrow(/once-while-pending/);
      const deliveries = (await f.written()).flatMap((op) => (op.type === 'hug.delivered' ? [[op.hugId, op.at]] : []));
      expect(deliveries).toEqual([
        [hug.id, 2000],
        [older, 2000],
      ]);
    });

    it('appends a hug’s creation once while it is pending: a replay, on either node, gets no cursor and whether the user is online now', async () => {
      const f = await factory();
      fixture = f;
      const [from, to] = [`u-${randomUUID()}`, `u-${randomUUID()}`];
      const hug = hugRecord({ id: `h-${randomUUID()}`, from, to, sentAt: 1000 });
      const send: CommandStep = { userId: to, append: { operations: [hugCreate(hug), entryFor(to, `hug:${hug.id}`)], once: 'while-pending', reportOnline: true } };
      const first = done(await f.steps.run(send));
      expect(first).toMatchObject({ replayed: false, online: false });
      expect(first.cursor).toBeGreaterThan(0);
      expect(await f.otherNode.run(send)).toMatchObject({ kind: 'done', replayed: true, cursor: null, online: false });
      await f.markOnline(to);
      expect(await f.steps.run(send)).toMatchObject({ kind: 'done', replayed: true, cursor: null, online: true });
      // A step that names another hug than the one its operation is on is a bug.
      await expect(f.steps.run({ ...send, append: { ...send.append, operations: send.append?.operations ?? [], hugId: `h-${randomUUID()}` } })).rejects.toThrow(/concerns hug/);
      const written = await f.written();
      expect(written.filter((op) => op.type === 'hug.create').map((op) => op.id)).toEqual([`hug.create:${hug.id}`]);
      expect(written.filter((op) => op.type === 'inbox.append')).toHaveLength(1);
    });

    it('reports whether the user has a live device, in the same step', async () => {
      const f = await factory();
      fixture = f;
      const user = `u-${randomUUID()}`;
      expect(done(await f.steps.run({ userId: user, append: { operations: [userLastSeen(user, 1)], reportOnline: true } })).online).toBe(false);
      await f.markOnline(user);
      expect(done(await f.steps.run({ userId: user, append: { operations: [userLastSeen(user, 2)], reportOnline: true } })).online).toBe(true);
    });

    it('never shows a cursor before its entry: a reader that advances its cursor skips nothing, with two nodes appending at once', async () => {
      const f = await factory();
      fixture = f;
      const user = `u-${randomUUID()}`;
      const total = 200;
      const seen = new Set<string>();
      let cursor = 0;
      let appending = true;
      // The SDK's way of reading: everything after its cursor, then move the cursor to the last one seen.
      const reader = (async () => {
        while (appending) {
          const entries = await f.pending.inboxAfter(user, cursor);
          for (const e of entries) seen.add(e.id);
          cursor = entries.at(-1)?.cursor ?? cursor;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      await Promise.all(
        Array.from({ length: total }, (_, i) => (i % 2 === 0 ? f.steps : f.otherNode).run({ userId: user, append: { operations: [entryFor(user, `r${i}`)] } })),
      );
      appending = false;
      await reader;
      for (const e of await f.pending.inboxAfter(user, cursor)) seen.add(e.id);
      expect(seen.size).toBe(total);
    });
  });
}
