import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdempotencyKeys } from './idempotency-keys.js';

/** Builds fresh keys for one test. */
export type IdempotencyKeysFactory = () => Promise<IdempotencyKeys>;

/** The behaviour every {@link IdempotencyKeys} must show. */
export function runIdempotencyKeysContract(name: string, factory: IdempotencyKeysFactory): void {
  describe(`idempotency keys contract: ${name}`, () => {
    let keys: IdempotencyKeys | undefined;
    afterEach(async () => {
      await keys?.close();
      keys = undefined;
    });

    it('lets exactly one of many concurrent claims be fresh', async () => {
      const k = await factory();
      keys = k;
      const key = `k-${randomUUID()}`;
      const claims = await Promise.all(Array.from({ length: 20 }, () => k.claim(key, 'fp', 10_000)));
      expect(claims.filter((c) => c.fresh)).toHaveLength(1);
      expect(claims.filter((c) => !c.fresh && c.fingerprint === 'fp' && c.result === null)).toHaveLength(19);
      for (const c of claims) if (!c.fresh) expect(c.expiresInMs).toBeGreaterThan(9000);
    });

    it('returns the completed result and the original fingerprint to later claims', async () => {
      keys = await factory();
      const key = `k-${randomUUID()}`;
      expect(await keys.claim(key, 'fp-1', 10_000)).toEqual({ fresh: true });
      await keys.complete(key, '{"hugId":"h1"}', 60_000);
      expect(await keys.claim(key, 'fp-2', 10_000)).toMatchObject({ fresh: false, fingerprint: 'fp-1', result: '{"hugId":"h1"}' });
    });

    it('frees a released key and an expired pending claim', async () => {
      keys = await factory();
      const released = `k-${randomUUID()}`;
      await keys.claim(released, 'fp', 10_000);
      await keys.release(released);
      expect((await keys.claim(released, 'fp', 10_000)).fresh).toBe(true);
      const expiring = `k-${randomUUID()}`;
      await keys.claim(expiring, 'fp', 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await keys.claim(expiring, 'fp', 50)).fresh).toBe(true);
    });
  });
}
