import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the seeding step (`npm run load`, on the bench's seeding) wrote for the engine: the users it
 * put straight into the store with their friends, and how to mint their access tokens.
 */
export interface SeedFile {
  /** HS256 secret the server trusts (its `JWT_SECRET`). */
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
  /** Lifetime of the tokens the engine mints; the SDK refreshes them when the server warns. */
  readonly tokenTtlS: number;
  /** Where virtual users claim users (one file per claimed user index). */
  readonly claimsDir: string;
  readonly users: readonly { readonly id: string; readonly friends: readonly string[] }[];
}

/** Reads the seed file named by `HUGMOOD_SEED_FILE`. */
export function readSeedFile(path = process.env['HUGMOOD_SEED_FILE']): SeedFile {
  if (!path) throw new Error('HUGMOOD_SEED_FILE is not set: run scenarios with `npm run load -- <scenario>`, which seeds users and sets it');
  return JSON.parse(readFileSync(path, 'utf8')) as SeedFile;
}

/**
 * Hands each virtual user a seeded user no other holds, across artillery's worker threads and
 * processes: a claim is a file created exclusively (`wx`), released when the user disconnects.
 */
export class UserClaims {
  private next = 0;

  constructor(private readonly seed: SeedFile) {}

  /** Claims user `index`, or the next free one from where this process left off. */
  claim(index?: number): number {
    const count = this.seed.users.length;
    const order = index === undefined ? Array.from({ length: count }, (_, k) => (this.next + k) % count) : [index];
    for (const i of order) {
      try {
        closeSync(openSync(join(this.seed.claimsDir, String(i)), 'wx'));
        if (index === undefined) this.next = (i + 1) % count;
        return i;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    throw new Error(index === undefined ? `all ${count} seeded users are taken: seed more users than concurrent virtual users` : `seeded user ${index} is taken`);
  }

  release(index: number): void {
    rmSync(join(this.seed.claimsDir, String(index)), { force: true });
  }
}
