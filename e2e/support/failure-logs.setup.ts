import { appendFileSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { clientLinesSince } from './client-logs.js';
import { forgetExitedBefore, troubleSince } from './server-logs.js';

// A failed end-to-end test prints what its servers warned of meanwhile (a slow command, a stalled
// event loop, a refused write) and what its SDK clients logged (a lost connection, a failed sync):
// the processes' logs go with them, and CI keeps only the output. With E2E_TROUBLE_FILE set, every
// test's report is appended to that file too, failed or not (for hunting a rare slowness).
let startedAt = 0;
beforeEach(() => {
  startedAt = Date.now();
  forgetExitedBefore(startedAt);
});
afterEach(({ task }) => {
  const failed = task.result?.state === 'fail';
  const file = process.env['E2E_TROUBLE_FILE'];
  if (!failed && !file) return;
  const servers = Object.entries(troubleSince(startedAt)).flatMap(([url, logs]) => logs.map((line) => `${url} ${JSON.stringify(line)}`));
  const clients = clientLinesSince(startedAt).map((line) => `client ${JSON.stringify(line)}`);
  const report = [`"${task.name}" ${task.result?.state ?? 'unknown'} after ${Date.now() - startedAt} ms`, ...servers, ...clients].join('\n');
  if (file) appendFileSync(file, `${report}\n`);
  if (failed && servers.length + clients.length > 0) console.error(`what the servers warned of and the SDK clients logged during ${report}`);
});
