import { describe, expect, it } from 'vitest';
import { MemoryPresence } from './memory-presence.js';
import { runPresenceContract } from './presence.contract.js';

runPresenceContract('memory', { open: () => Promise.resolve(new MemoryPresence()) });

describe('memory presence', () => {
  it('forgets the oldest offline users past its bound', async () => {
    const presence = new MemoryPresence(2);
    for (const u of ['a', 'b', 'c']) {
      await presence.connect(u, { connId: u, deviceId: 'dev-1', kind: 'web', status: 'active', activity: null, since: 1 });
      await presence.disconnect(u, 'dev-1', u, 10);
    }
    expect([...(await presence.get(['a', 'b', 'c'])).keys()]).toEqual(['b', 'c']);
  });
});
