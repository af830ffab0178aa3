import { runInboxCursorsContract } from './inbox-cursors.contract.js';
import { MemoryInboxCursors } from './memory-inbox-cursors.js';

runInboxCursorsContract('memory', (seeded) => Promise.resolve(new MemoryInboxCursors((userId) => Promise.resolve(seeded.get(userId) ?? 0))));
