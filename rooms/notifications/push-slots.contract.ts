import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushSlots } from './push-slots.js';

/** Builds fresh slots for one test. */
export type PushSlotsFactory = () => Promise<PushSlots>;

const WINDOW = 60_000;

/**
 * The behaviour every {@link PushSlots} must show: counts within the window, a push covered by a
 * later one that went out (or that went out itself) is superseded, concurrent notes count each
 * other, and slots never mix.
 */
export function runPushSlotsContract(name: string, factory: PushSlotsFactory): void {
  describe(`push slots contract: ${name}`, () => {
    let slots: PushSlots | undefined;
    afterEach(async () => {
      await slots?.close();
      slots = undefined;
    });

    it('counts the pushes of a slot within the window before each, apart from other slots', async () => {
      const s = await factory();
      slots = s;
      const [hugs, other] = [`u-${randomUUID()}:hug`, `u-${randomUUID()}:hug`];
      const now = Date.now();
      expect(await s.note(hugs, 'a', now - 90_000, WINDOW)).toEqual({ count: 1, superseded: false });
      expect(await s.note(hugs, 'b', now - 20_000, WINDOW)).toEqual({ count: 1, superseded: false });
      expect(await s.note(hugs, 'c', now - 10_000, WINDOW)).toEqual({ count: 2, superseded: false });
      expect(await s.note(hugs, 'd', now, WINDOW)).toEqual({ count: 3, superseded: false });
      expect(await s.note(other, 'e', now, WINDOW)).toEqual({ count: 1, superseded: false });
      // Noting again changes no count.
      expect(await s.note(hugs, 'd', now, WINDOW)).toEqual({ count: 3, superseded: false });
    });

    it('supersedes a push that a later one covered, and one that went out itself, not a later one', async () => {
      const s = await factory();
      slots = s;
      const slot = `u-${randomUUID()}:hug`;
      const t = Date.now();
      await s.note(slot, 'a', t, WINDOW);
      await s.note(slot, 'b', t + 5, WINDOW);
      await s.sent(slot, 'b', t + 5, WINDOW);
      // A went out in B's "2 new hugs"; B is done; C is newer.
      expect((await s.note(slot, 'a', t, WINDOW)).superseded).toBe(true);
      expect((await s.note(slot, 'b', t + 5, WINDOW)).superseded).toBe(true);
      expect(await s.note(slot, 'c', t + 9, WINDOW)).toEqual({ count: 3, superseded: false });
      // A late record of an older push never moves the slot back.
      await s.sent(slot, 'a', t, WINDOW);
      expect((await s.note(slot, 'b', t + 5, WINDOW)).superseded).toBe(true);
      expect((await s.note(slot, 'c', t + 9, WINDOW)).superseded).toBe(false);
    });

    it('counts concurrent notes of one slot: the newest sees them all', async () => {
      const s = await factory();
      slots = s;
      const slot = `u-${randomUUID()}:hug`;
      const t = Date.now();
      await Promise.all(Array.from({ length: 20 }, (_, i) => s.note(slot, `p${i}`, t + i, WINDOW)));
      expect((await s.note(slot, 'p19', t + 19, WINDOW)).count).toBe(20);
    });
  });
}
