import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEndedEvent } from '../protocol/server-events.js';
import { register } from './support/accounts.js';
import { befriend, closeAllClients, connectedClient, eventually } from './support/clients.js';
import { freePort, startServer } from './support/server-process.js';

describe('server restart', () => {
  afterEach(() => closeAllClients());

  for (const how of ['SIGTERM', 'SIGKILL'] as const) {
    it(`the SDK reconnects on its own and its presence watches are restored (${how})`, async () => {
      const first = await startServer({ port: await freePort() });
      const a = await register(first.url, 'ana');
      const b = await register(first.url, 'ben');
      const ca = await connectedClient(first.url, a);
      const cb = await connectedClient(first.url, b);
      await befriend(ca, cb, b.userId, a.userId);
      await ca.presence.watch([b.userId]);
      await cb.presence.setStatus('away', 'napping');
      await eventually(() => ca.presence.get(b.userId)?.status === 'away', 3000, 'away before the restart');
      const ended: SessionEndedEvent[] = [];
      ca.onSessionEnded((e) => ended.push(e));
      const states: string[] = [];
      ca.onStateChange((s) => states.push(s));

      const code = await first.stop(how);
      if (how === 'SIGTERM') {
        expect(code).toBe(0);
        expect(ended).toMatchObject([{ reason: 'server_shutdown' }]);
      }
      await eventually(() => ca.state === 'reconnecting', 3000, 'the SDK to notice');

      // Same port and data folder: the persisted development secret keeps the tokens valid.
      const second = await startServer({ port: first.port, dataDir: first.dataDir });
      try {
        await eventually(() => ca.state === 'connected' && cb.state === 'connected', 10_000, 'both SDKs to reconnect');
        expect(states).toEqual(['reconnecting', 'connected']);
        // B's SDK re-applied "away" after reconnecting; A's SDK re-watched and sees it.
        await eventually(() => {
          const p = ca.presence.get(b.userId);
          return p?.status === 'away' && p.activity === 'napping';
        }, 5000, 'the restored watch to report B');
        await cb.presence.setStatus('active');
        await eventually(() => ca.presence.get(b.userId)?.status === 'online', 5000, 'a live update after the restart');
      } finally {
        expect(await second.stop()).toBe(0);
      }
    });
  }

  it('records lastSeenAt of connected users when shutting down gracefully', async () => {
    const first = await startServer({ env: { PRESENCE_GRACE_MS: '60000' } });
    const a = await register(first.url, 'ana');
    const b = await register(first.url, 'ben');
    const ca = await connectedClient(first.url, a);
    const cb = await connectedClient(first.url, b);
    await befriend(ca, cb, b.userId, a.userId);
    const closedAt = Date.now();
    ca.close();
    cb.close();
    expect(await first.stop()).toBe(0);
    const stoppedAt = Date.now();
    const second = await startServer({ dataDir: first.dataDir });
    try {
      const again = await connectedClient(second.url, a);
      const result = await again.presence.watch([b.userId]);
      expect(result.presences[0]).toMatchObject({ status: 'offline' });
      // Recorded at the disconnect, although the 60 s grace period had not run out at shutdown.
      expect(result.presences[0]?.lastSeenAt).toBeGreaterThanOrEqual(closedAt);
      expect(result.presences[0]?.lastSeenAt).toBeLessThanOrEqual(stoppedAt);
    } finally {
      await second.stop();
    }
  });
});
