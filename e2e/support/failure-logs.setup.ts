import { afterEach, beforeEach } from 'vitest';
import { troubleSince } from './server-logs.js';

// A failed end-to-end test prints what its servers warned of meanwhile (a slow command, a stalled
// event loop, a refused write): the processes' logs go with them, and CI keeps only the output.
let startedAt = 0;
beforeEach(() => {
  startedAt = Date.now();
});
afterEach(({ task }) => {
  if (task.result?.state !== 'fail') return;
  const trouble = troubleSince(startedAt);
  const lines = Object.entries(trouble).flatMap(([url, logs]) => logs.map((line) => `${url} ${JSON.stringify(line)}`));
  if (lines.length > 0) console.error(`warnings and errors of the servers during "${task.name}":\n${lines.join('\n')}`);
});
