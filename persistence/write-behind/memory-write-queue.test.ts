import { MemoryWriteQueue } from './memory-write-queue.js';
import { runWriteQueueContract } from './write-queue.contract.js';

runWriteQueueContract('memory', (options) => Promise.resolve(new MemoryWriteQueue({ ...options, lingerMs: 1 })));
