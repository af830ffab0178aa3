import { describe, expect, it } from 'vitest';
import { OWASP_MIN_SCRYPT_LOG_N, PasswordHasher } from './password-hasher.js';

describe('password hasher', () => {
  it('hashes with OWASP\'s minimum scrypt parameters by default (N = 2^17, r = 8, p = 1)', async () => {
    expect(OWASP_MIN_SCRYPT_LOG_N).toBe(17);
    const hasher = new PasswordHasher();
    const stored = await hasher.hash('correct horse battery');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(await hasher.verify('correct horse battery', stored)).toEqual({ ok: true, rehash: false });
  });

  it('hashes with a random salt, and verifies', async () => {
    const hasher = new PasswordHasher(12);
    const a = await hasher.hash('correct horse battery');
    const b = await hasher.hash('correct horse battery');
    expect(a).toMatch(/^scrypt\$4096\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
    expect((await hasher.verify('correct horse battery', a)).ok).toBe(true);
    expect(await hasher.verify('correct horse batterx', a)).toEqual({ ok: false, rehash: false });
  });

  it('verifies a hash made with a lower cost and asks for a rehash; a higher cost needs none', async () => {
    const old = await new PasswordHasher(11).hash('pw');
    const current = new PasswordHasher(12);
    expect(await current.verify('pw', old)).toEqual({ ok: true, rehash: true });
    expect(await current.verify('wrong', old)).toEqual({ ok: false, rehash: false });
    const stronger = await new PasswordHasher(13).hash('pw');
    expect(await current.verify('pw', stronger)).toEqual({ ok: true, rehash: false });
  });

  it('never matches a malformed hash, nor one whose parameters would take over a gigabyte', async () => {
    const hasher = new PasswordHasher(12);
    const huge = `scrypt$${2 ** 21}$8$1$c2FsdA$${Buffer.alloc(64).toString('base64url')}`;
    for (const stored of ['', 'plain', 'scrypt$1$2$3', 'bcrypt$16384$8$1$c2FsdA$aGFzaA', 'scrypt$abc$8$1$c2FsdA$aGFzaA', 'scrypt$16384$8$1$c2FsdA$aGFzaA', huge]) {
      expect((await hasher.verify('x', stored)).ok).toBe(false);
    }
  });

  it('refuses a cost outside 2^10 to 2^22', () => {
    expect(() => new PasswordHasher(9)).toThrow(/from 10 to 22/);
    expect(() => new PasswordHasher(23)).toThrow(/from 10 to 22/);
    expect(() => new PasswordHasher(12.5)).toThrow(/from 10 to 22/);
  });

  it('keeps one dummy hash for unknown users', async () => {
    const hasher = new PasswordHasher(12);
    expect(await hasher.dummyHash()).toBe(await hasher.dummyHash());
    expect((await hasher.verify('anything', await hasher.dummyHash())).ok).toBe(false);
  });
});
