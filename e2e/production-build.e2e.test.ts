import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../scripts/build-server.js';
import { closeAllClients, connectedClient, connectedFriends, deliveredHug, eventually } from './support/clients.js';
import { freePort, type ServerProcess, startNodeProcess, tempDataDir } from './support/server-process.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/**
 * `npm run build` compiles the server to JavaScript, and `node dist/server/main.js` (the production
 * image's command) runs it without tsx: a hug crosses it, and after a restart the recipient still
 * finds it unread, so the write-behind writer thread (started from its compiled file) wrote it.
 */
describe('the production build', () => {
  let dist: string;
  let server: ServerProcess | undefined;
  const dataDir = tempDataDir();
  const ENTRY = ['dist/server/main.js'];

  beforeAll(() => {
    dist = buildServer();
  }, 120_000);

  afterAll(async () => {
    closeAllClients();
    await server?.stop();
  });

  it('holds the server compiled to JavaScript, and no tests', () => {
    const files = filesUnder(dist);
    expect(files).toContain('server/main.js');
    expect(files).toContain('server/worker.js');
    expect(files).toContain('persistence/sqlite/writer-thread.js');
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /\.(test|contract)\.js$|test-support\//.test(f))).toEqual([]);
  });

  it('runs with node alone and carries a hug across a restart', async () => {
    // A port below the ephemeral range, so no outgoing connection takes it between stop and restart.
    const port = await freePort();
    server = await startNodeProcess({ entry: ENTRY, dataDir, port, single: true });
    const { ben, ca, cb } = await connectedFriends(server.url);
    const hugId = await deliveredHug(ca, cb, ben.userId);
    closeAllClients();
    expect(await server.stop()).toBe(0);

    server = await startNodeProcess({ entry: ENTRY, dataDir, port, single: true });
    const again = await connectedClient(server.url, ben);
    await eventually(async () => (await again.hugs.unread()).hugs.some((h) => h.id === hugId), 5000, 'the hug, unread after the restart');
  });
});
