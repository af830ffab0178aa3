import { MemoryPendingWrites } from './memory-pending-writes.js';
import { runPendingWritesContract } from './pending-writes.contract.js';

runPendingWritesContract('memory', (ttlMs) => Promise.resolve(new MemoryPendingWrites(ttlMs)));
