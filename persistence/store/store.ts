import type { FriendshipRepository } from './friendship-repository.js';
import type { RefreshTokenRepository } from './refresh-token-repository.js';
import type { UserRepository } from './user-repository.js';

/**
 * The durable store behind the repositories: SQLite in the embedded and local-cluster shapes,
 * MongoDB in production. Callers see only these repositories.
 */
export interface Store {
  readonly kind: string;
  readonly users: UserRepository;
  readonly friendships: FriendshipRepository;
  readonly refreshTokens: RefreshTokenRepository;
  /** Resolves when the store answers; rejects otherwise (for `/readyz`). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
