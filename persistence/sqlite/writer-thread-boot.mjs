// Starts a TypeScript worker thread: registers tsx in this thread, then loads the entry named in
// workerData.entry (worker threads do not inherit the main thread's loader hooks).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
