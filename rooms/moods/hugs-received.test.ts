import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import { hugRecord } from '../../persistence/store/store-fixtures.js';
import { groupHugSummary, hugCreate } from '../../persistence/write-behind/write-operation.js';
import { hugsReceivedSince } from './hugs-received.js';

const dir = mkdtempSync(join(tmpdir(), 'hugmood-hugs-received-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hugs received since', () => {
  it('walks both histories back past several pages to the window start, and no further', async () => {
    const store = openSqliteStore({ file: join(dir, 'store.db') });
    try {
      // 1,200 hugs to ann a second apart (three pages), some to bo, and three group hugs.
      const hugs = Array.from({ length: 1200 }, (_, i) => hugRecord({ from: i % 2 ? 'cy' : 'dee', to: 'ann', sentAt: 1_000_000 + i * 1000 }));
      await store.applyWrites([...hugs, hugRecord({ to: 'bo', sentAt: 2_000_000 })].map(hugCreate));
      const group = (n: number, endedAt: number) => groupHugSummary({ groupId: `g${n}`, title: 't', creatorId: 'cy', participants: ['ann', 'cy'], peakWarmth: 0.5, startsAt: endedAt - 1000, durationMs: 1000, endedAt });
      await store.applyWrites([group(1, 1_100_000), group(2, 1_900_000), group(3, 2_100_000)]);
      const from = 1_000_000 + 299 * 1000;
      const points = await hugsReceivedSince(store, 'ann', from);
      const received = points.filter((p) => p.kind === 'hug');
      expect(received).toHaveLength(900);
      expect(Math.min(...received.map((p) => p.at))).toBe(from + 1000);
      expect(new Set(received.map((p) => p.from))).toEqual(new Set(['cy', 'dee']));
      expect(points.filter((p) => p.kind === 'group-hug').map((p) => p.at).sort()).toEqual([1_900_000, 2_100_000]);
    } finally {
      await store.close();
    }
  });
});
