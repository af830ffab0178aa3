import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

/**
 * OWASP's Password Storage Cheat Sheet: scrypt with N ≥ 2^17, r = 8, p = 1. One hash then takes
 * 128 × N × r = 128 MiB of memory; node runs at most four at once (libuv's thread pool).
 */
export const OWASP_MIN_SCRYPT_LOG_N = 17;

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Room for scrypt's 128 × N × r bytes, with a margin (node refuses a cost above `maxmem`). */
function maxmem(N: number, r: number): number {
  return 128 * N * r + 1024 * 1024;
}

/** The answer of {@link PasswordHasher.verify}. */
export interface Verification {
  readonly ok: boolean;
  /** The hash matched but was made with weaker parameters than this hasher's: store a new one. */
  readonly rehash: boolean;
}

const NO_MATCH: Verification = { ok: false, rehash: false };

/**
 * Hashes passwords with scrypt and a random salt. A hash records its parameters,
 * `scrypt$N$r$p$salt$hash` (base64url), so raising the cost never breaks old hashes: they keep
 * verifying, and {@link verify} says when one should be replaced (at the next login).
 */
export class PasswordHasher {
  private readonly N: number;
  private dummy: Promise<string> | undefined;

  /** `logN`: log2 of scrypt's cost N for new hashes ({@link OWASP_MIN_SCRYPT_LOG_N} by default). */
  constructor(logN: number = OWASP_MIN_SCRYPT_LOG_N) {
    if (!Number.isInteger(logN) || logN < 10 || logN > 22) throw new RangeError(`scrypt log2 N must be an integer from 10 to 22, got ${logN}`);
    this.N = 2 ** logN;
  }

  /** A new hash of `password`. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scryptAsync(password, salt, KEY_LENGTH, { N: this.N, r: BLOCK_SIZE, p: PARALLELISM, maxmem: maxmem(this.N, BLOCK_SIZE) });
    return ['scrypt', this.N, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  /** Checks `password` against `stored` in constant time. Malformed hashes, or ones beyond this hasher's cost, never match. */
  async verify(password: string, stored: string): Promise<Verification> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return NO_MATCH;
    const [, n, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
    const [N, R, P] = [Number(n), Number(r), Number(p)];
    const expected = Buffer.from(keyText, 'base64url');
    // At most 1 GiB and p ≤ 16: a corrupt row cannot make one login take minutes or all the memory.
    const sane = [N, R, P].every((v) => Number.isInteger(v) && v > 0) && 128 * N * R <= 2 ** 30 && P <= 16;
    if (!sane || expected.length !== KEY_LENGTH) return NO_MATCH;
    const key = await scryptAsync(password, Buffer.from(saltText, 'base64url'), KEY_LENGTH, { N, r: R, p: P, maxmem: maxmem(N, R) });
    if (!timingSafeEqual(key, expected)) return NO_MATCH;
    return { ok: true, rehash: N < this.N || R < BLOCK_SIZE || P < PARALLELISM };
  }

  /**
   * A valid hash of a random password. Login checks unknown usernames against it so that a wrong
   * username costs as much time as a wrong password and reveals nothing.
   */
  dummyHash(): Promise<string> {
    this.dummy ??= this.hash(randomBytes(16).toString('hex'));
    return this.dummy;
  }
}
