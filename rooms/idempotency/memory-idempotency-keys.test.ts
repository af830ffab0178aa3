import { runIdempotencyKeysContract } from './idempotency-keys.contract.js';
import { MemoryIdempotencyKeys } from './memory-idempotency-keys.js';

runIdempotencyKeysContract('memory', () => Promise.resolve(new MemoryIdempotencyKeys()));
