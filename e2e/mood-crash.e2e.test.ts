import { afterEach, describe, expect, it } from 'vitest';
import type { MoodEntry, MoodRecordResult } from '../protocol/types/moods.js';
import { register } from './support/accounts.js';
import { closeAllClients, connectedClient, eventually } from './support/clients.js';
import { freePort, startServer } from './support/server-process.js';

const LIMITS = { RATE_MOODS_BURST: '1000', RATE_MOODS_PER_MIN: '100000', RATE_USER_BURST: '1000', RATE_USER_PER_S: '1000', RATE_CONN_BURST: '1000', RATE_CONN_PER_S: '1000' };
const TOTAL = 60;
const payload = (i: number) => ({ mood: 'calm' as const, intensity: (i % 10) / 10, note: `mood ${i}`, timeZone: 'Europe/Paris', clientId: `mood-crash-${i}` });

describe('mood records across a crash', () => {
  afterEach(() => closeAllClients());

  it('answers every mood:record retried after a kill -9 with the first answer, and stores each mood once', async () => {
    const port = await freePort();
    const first = await startServer({ port, env: LIMITS });
    const a = await register(first.url, 'mia');
    const ca = await connectedClient(first.url, a, { requestTimeoutMs: 2000 });
    // Records in flight, ten at a time; the server is killed while they run.
    const before = new Map<number, MoodRecordResult>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < TOTAL && !killed) {
        const i = next++;
        const result = await ca.request('mood:record', payload(i)).catch(() => null);
        if (result && !killed) before.set(i, result);
      }
    };
    const workers = Array.from({ length: 10 }, worker);
    await eventually(() => before.size >= TOTAL / 2, 20_000, 'half the moods acknowledged');
    expect(await first.stop('SIGKILL')).toBeNull();
    killed = true;
    await Promise.all(workers);
    const acked = new Map(before);

    // Same port and data folder; every record is sent again, with its clientId.
    const second = await startServer({ port, dataDir: first.dataDir, env: LIMITS });
    try {
      const again = await connectedClient(second.url, a);
      const after = new Map<number, MoodRecordResult>();
      for (let i = 0; i < TOTAL; i++) after.set(i, await again.request('mood:record', payload(i)));
      // What was acknowledged before the crash is answered the same after it.
      for (const [i, result] of acked) expect(after.get(i)?.moodId, `mood ${i}`).toBe(result.moodId);
      const entries: MoodEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await again.request('mood:history', { limit: 25, ...(cursor ? { before: cursor } : {}) });
        entries.push(...page.entries);
        cursor = page.next ?? undefined;
      } while (cursor);
      const ids = entries.map((e) => e.id);
      console.info('mood crash test:', { ackedBeforeKill: acked.size, stored: ids.length, distinct: new Set(ids).size });
      expect(ids).toHaveLength(TOTAL);
      expect(new Set(ids)).toEqual(new Set([...after.values()].map((r) => r.moodId)));
      // One day counted per date the moods fell on (one, unless the run crossed midnight in Paris).
      const dates = new Set([...after.values()].map((r) => r.localDate));
      expect(await again.request('mood:streak', { timeZone: 'Europe/Paris' })).toMatchObject({ current: dates.size, longest: dates.size });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
