import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevicePresence } from '../../domain/presence-status.js';
import type { Presence } from './presence.js';

/** Builds a fresh presence engine for one test, and disposes of it. */
export interface PresenceFactory {
  open(): Promise<Presence>;
  dispose?(presence: Presence): Promise<void>;
}

const device = (deviceId: string, connId: string, overrides: Partial<DevicePresence> = {}): DevicePresence => ({
  connId,
  deviceId,
  kind: 'web',
  status: 'active',
  activity: null,
  since: 100,
  ...overrides,
});

/** The behaviour every {@link Presence} implementation must show. */
export function runPresenceContract(name: string, factory: PresenceFactory): void {
  describe(`presence contract: ${name}`, () => {
    let presence: Presence;
    let user: string;
    beforeEach(async () => {
      presence = await factory.open();
      user = `user-${randomUUID()}`;
    });
    afterEach(async () => {
      await factory.dispose?.(presence);
    });

    it('goes online with the first device and stays online with a second', async () => {
      const first = await presence.connect(user, device('d1', 'c1'));
      expect(first.before.status).toBe('offline');
      expect(first.after.status).toBe('online');
      const second = await presence.connect(user, device('d2', 'c2', { kind: 'ios' }));
      expect(second.before.status).toBe('online');
      expect(second.after.status).toBe('online');
      expect(second.snapshot.devices.map((d) => d.deviceId).sort()).toEqual(['d1', 'd2']);
    });

    it('is away only when every device is away', async () => {
      await presence.connect(user, device('d1', 'c1'));
      await presence.connect(user, device('d2', 'c2'));
      const one = await presence.update(user, 'd1', 'c1', { status: 'away', activity: null }, 200);
      expect(one?.after.status).toBe('online');
      const both = await presence.update(user, 'd2', 'c2', { status: 'away', activity: 'reading' }, 300);
      expect(both?.after).toEqual({ status: 'away', activity: 'reading' });
      expect(both?.snapshot.devices.find((d) => d.deviceId === 'd2')?.since).toBe(300);
    });

    it('shows the activity of the most recently changed active device', async () => {
      await presence.connect(user, device('d1', 'c1'));
      await presence.connect(user, device('d2', 'c2'));
      await presence.update(user, 'd1', 'c1', { status: 'active', activity: 'walking' }, 200);
      const change = await presence.update(user, 'd2', 'c2', { status: 'active', activity: 'listening' }, 300);
      expect(change?.after.activity).toBe('listening');
    });

    it('goes offline with the last device and records lastSeenAt', async () => {
      await presence.connect(user, device('d1', 'c1'));
      const gone = await presence.disconnect(user, 'd1', 'c1', 500);
      expect(gone?.before.status).toBe('online');
      expect(gone?.after.status).toBe('offline');
      expect((await presence.get([user])).get(user)).toEqual({ devices: [], lastSeenAt: 500 });
    });

    it('ignores a disconnect or update from a connection that was replaced', async () => {
      await presence.connect(user, device('d1', 'old'));
      await presence.connect(user, device('d1', 'new'));
      expect(await presence.disconnect(user, 'd1', 'old', 500)).toBeNull();
      expect(await presence.update(user, 'd1', 'old', { status: 'away', activity: null }, 500)).toBeNull();
      const snap = (await presence.get([user])).get(user);
      expect(snap?.devices).toEqual([device('d1', 'new')]);
    });

    it('marks a dropped device lingering without changing the aggregate, until it reconnects', async () => {
      await presence.connect(user, device('d1', 'c1'));
      await presence.linger(user, 'd1', 'other-conn');
      expect((await presence.get([user])).get(user)?.devices[0]?.lingering).toBeUndefined();
      await presence.linger(user, 'd1', 'c1');
      const lingering = (await presence.get([user])).get(user);
      expect(lingering?.devices).toEqual([{ ...device('d1', 'c1'), lingering: true }]);
      const back = await presence.connect(user, device('d1', 'c2'));
      expect(back.before.status).toBe('online');
      expect(back.snapshot.devices).toEqual([device('d1', 'c2')]);
    });

    it('clears lastSeenAt when the user comes back', async () => {
      await presence.connect(user, device('d1', 'c1'));
      await presence.disconnect(user, 'd1', 'c1', 500);
      const back = await presence.connect(user, device('d1', 'c2'));
      expect(back.before.status).toBe('offline');
      expect(back.snapshot.lastSeenAt).toBeNull();
    });

    it('leaves users it has never seen out of get', async () => {
      await presence.connect(user, device('d1', 'c1'));
      const found = await presence.get([user, 'never-seen']);
      expect([...found.keys()]).toEqual([user]);
    });
  });
}
