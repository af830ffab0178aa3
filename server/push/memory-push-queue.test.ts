import { MemoryPushQueue } from './memory-push-queue.js';
import { runPushQueueContract } from './push-queue.contract.js';

runPushQueueContract('in process', () => Promise.resolve(new MemoryPushQueue({ retry: { attempts: 3, backoffMs: 50 } })));
