import { runGroupHugDirectoryContract } from './group-hug-directory.contract.js';
import { MemoryGroupHugDirectory } from './memory-group-hug-directory.js';

runGroupHugDirectoryContract('memory', { open: () => Promise.resolve(new MemoryGroupHugDirectory()) });
