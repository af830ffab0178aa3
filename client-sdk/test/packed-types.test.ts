import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startNodeProcess } from '../../e2e/support/node-process.js';
import { withBuildLock } from '../../scripts/build-lock.js';

const SDK = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(SDK, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** An app's own code against the installed package: correct use compiles, each `@ts-expect-error` line must not. */
const APP = `
import { HugMoodClient, HUG_KINDS, RateLimitedError, WireMismatchError, type ReceivedHug, type UserPresence } from '@hugmood/client';
import * as browser from '@hugmood/client/browser';

const client = HugMoodClient.connect({ url: 'http://127.0.0.1:3000', getToken: () => 'token' });
client.hugs.on('received', (hug: ReceivedHug) => hug.timeline.progress(Date.now()).intensity.toFixed(2));
void client.presence.setStatus('away', 'tea');
void client.request('presence:watch', { userIds: ['u1'] }).then((r) => r.presences.map((p: UserPresence) => p.status));
void client.hugs.send('u1', { kind: 'bear', message: 'hi' }).then(({ hugId, delivered }) => hugId.length + Number(delivered));
const kinds: readonly string[] = Object.keys(HUG_KINDS);
const isLimited = (e: unknown): boolean => e instanceof RateLimitedError || e instanceof WireMismatchError;
const fromBrowser: typeof HugMoodClient = browser.HugMoodClient;
void kinds;
void isLimited;
void fromBrowser;

// @ts-expect-error: 'busy' is not a device status
void client.presence.setStatus('busy');
// @ts-expect-error: no such command
void client.request('presence:wach', { userIds: ['u1'] });
// @ts-expect-error: userIds must be an array
void client.request('presence:watch', { userIds: 'u1' });
// @ts-expect-error: not a hug kind
void client.hugs.send('u1', { kind: 'squish' });
// @ts-expect-error: not a privacy value
void client.privacy.update({ showOnlineStatus: 'everyone' });
// @ts-expect-error: the browser bundle has the same types
void browser.HugMoodClient.connect({ url: 1, getToken: () => 'token' });
`;

/** The same package from CommonJS: `require()` gets the CJS build, typed as CommonJS. */
const CJS_APP = `
import { HugMoodClient, UnauthorizedError, memoryStorage, type PresenceEntry } from '@hugmood/client';

const client = HugMoodClient.connect({ url: 'http://127.0.0.1:3000', auth: { username: 'amy', password: 'secret-password' }, storage: memoryStorage() });
client.presence.subscribe((statuses: ReadonlyMap<string, PresenceEntry>) => statuses.size);
const closed: boolean = client.closedBy instanceof UnauthorizedError;
void closed;
// @ts-expect-error: the app state is 'active' or 'background'
void client.setAppState('asleep');
`;

/** A Node script an app developer would write first, run against a real server (ESM, then CommonJS). */
const ESM_SCRIPT = `
import { HugMoodClient, memoryStorage } from '@hugmood/client';
const [url, username] = process.argv.slice(2);
const client = HugMoodClient.connect({ url, auth: { username, password: 'a long enough password', signUp: true, displayName: 'Packed' }, storage: memoryStorage() });
await client.whenConnected(10000);
const me = client.me ?? (await new Promise((resolve) => client.onMeChange(resolve)));
const friends = await client.friends.list();
console.log(JSON.stringify({ userId: client.userId, me: me.displayName, friends: friends.friends.length }));
client.close();
`;
const CJS_SCRIPT = `
const { HugMoodClient, UnauthorizedError } = require('@hugmood/client');
const [url, username] = process.argv.slice(2);
(async () => {
  const client = HugMoodClient.connect({ url, auth: { username, password: 'a long enough password' } });
  await client.whenConnected(10000);
  const wrong = HugMoodClient.connect({ url, auth: { username, password: 'not the password' } });
  const refused = await wrong.whenConnected(10000).then(() => 'connected', (e) => (e instanceof UnauthorizedError ? 'unauthorized' : String(e)));
  console.log(JSON.stringify({ userId: client.userId, refused }));
  client.close();
})();
`;

/**
 * The published types are self-contained: the packed tarball, installed into a fresh app with
 * its declared dependencies only, type-checks under `--strict` without `skipLibCheck`, for both
 * `@hugmood/client` and `@hugmood/client/browser`, and wrong calls do not compile.
 */
describe('the packed SDK types', () => {
  const app = mkdtempSync(join(tmpdir(), 'hugmood-sdk-app-'));
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('installs from its tarball with its MIT licence and README, and type-checks in a fresh app under --strict without skipLibCheck', () => {
    withBuildLock(ROOT, () => {
      execFileSync(process.execPath, ['--import', 'tsx', join(SDK, 'build.ts')], { cwd: SDK, stdio: 'pipe' });
      execFileSync('npm', ['pack', '--pack-destination', app, '--silent'], { cwd: SDK, stdio: 'pipe' });
    });
    const tarball = readdirSync(app).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', `./${tarball ?? ''}`, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--silent'], { cwd: app, stdio: 'pipe' });
    // Meant for third-party apps: the licence travels with the package.
    const installed = join(app, 'node_modules', '@hugmood', 'client');
    expect((JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { license?: string }).license).toBe('MIT');
    expect(existsSync(join(installed, 'LICENSE')) && readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(existsSync(join(installed, 'README.md')) && readFileSync(join(installed, 'README.md'), 'utf8')).toMatch(/npm install @hugmood\/client/);
    writeFileSync(join(app, 'app.ts'), APP);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false },
        files: ['app.ts'],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', join(app, 'tsconfig.json')], { cwd: app, stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: Buffer }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 180_000);

  it('is required from CommonJS with CommonJS types, and both builds sign in and talk to a real server', async () => {
    // The previous test installed the tarball into `app`.
    writeFileSync(join(app, 'app.cts'), CJS_APP);
    writeFileSync(
      join(app, 'tsconfig.cjs.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false }, files: ['app.cts'] }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', join(app, 'tsconfig.cjs.json')], { cwd: app, stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: Buffer }).stdout ?? error);
    }
    expect(output).toBe('');

    writeFileSync(join(app, 'first.mjs'), ESM_SCRIPT);
    writeFileSync(join(app, 'again.cjs'), CJS_SCRIPT);
    const server = await startNodeProcess();
    try {
      const username = `packed_${process.pid}_${Date.now() % 100000}`;
      const run = (script: string) => JSON.parse(execFileSync(process.execPath, [script, server.url, username], { cwd: app, encoding: 'utf8', timeout: 30_000 })) as Record<string, unknown>;
      const first = run('first.mjs');
      expect(first).toMatchObject({ me: 'Packed', friends: 0 });
      expect(first['userId']).toEqual(expect.any(String));
      expect(run('again.cjs')).toEqual({ userId: first['userId'], refused: 'unauthorized' });
    } finally {
      await server.stop();
    }
  }, 60_000);
});
