import { MemoryPushSlots } from './memory-push-slots.js';
import { runPushSlotsContract } from './push-slots.contract.js';

runPushSlotsContract('memory', () => Promise.resolve(new MemoryPushSlots()));
