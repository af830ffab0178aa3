import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_SECRET_FILE } from '../server/config/dev-secret.js';
import { generateVapidKeys } from '../server/push/web-push-provider.js';
import { register } from './support/accounts.js';
import { closeAllClients, connected, rawSocket } from './support/clients.js';
import { runServerToExit, startServer, tempDataDir } from './support/server-process.js';

describe('configuration at start', () => {
  it('names every wrong variable in one message and exits with code 2', async () => {
    const { code, stderr } = await runServerToExit({ PORT: 'eighty', WIRE: 'xml', TRANSPORT: 'fast', PRESENCE_GRACE_MS: '-1', DATA_DIR: tempDataDir() });
    expect(code).toBe(2);
    expect(stderr).toContain('invalid configuration');
    for (const name of ['PORT', 'WIRE', 'TRANSPORT', 'PRESENCE_GRACE_MS']) expect(stderr).toMatch(new RegExp(`^  - ${name}: `, 'm'));
    expect(stderr).toContain('"eighty"');
  });

  it('refuses to start in production without a VAPID identity for Web Push', async () => {
    const { code, stderr } = await runServerToExit({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATA_DIR: tempDataDir() });
    expect(code).toBe(2);
    expect(stderr).toMatch(/VAPID_PUBLIC_KEY: production needs VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT/);
  });

  it('refuses to start in production without JWT_SECRET or JWKS_URL', async () => {
    const { code, stderr } = await runServerToExit({ NODE_ENV: 'production', DATA_DIR: tempDataDir() });
    expect(code).toBe(2);
    expect(stderr).toMatch(/JWT_SECRET: production needs JWT_SECRET or JWKS_URL/);
  });

  it('refuses wildcard or malformed origins', async () => {
    const { code, stderr } = await runServerToExit({ ALLOWED_ORIGINS: 'https://*.example.com', DATA_DIR: tempDataDir() });
    expect(code).toBe(2);
    expect(stderr).toMatch(/ALLOWED_ORIGINS: .*wildcards are not allowed/);
  });

  it('generates a development secret once, owner-readable only, warns loudly, and keeps tokens valid across restarts', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ dataDir });
    const warning = first.logs.find((l) => String(l.msg).includes('DEVELOPMENT JWT SECRET'));
    expect(warning).toMatchObject({ level: 40, created: true });
    expect(JSON.stringify(first.logs)).not.toMatch(/"secret"\s*:\s*"[A-Za-z0-9_-]{20,}"/);
    const file = join(dataDir, DEV_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const account = await register(first.url);
    expect(await first.stop()).toBe(0);

    const second = await startServer({ dataDir });
    try {
      expect(second.logs.find((l) => String(l.msg).includes('DEVELOPMENT JWT SECRET'))).toMatchObject({ created: false });
      await connected(rawSocket(second.url, { token: account.tokens.accessToken }));
    } finally {
      closeAllClients();
      await second.stop();
    }
  });

  it('starts in production with an explicit secret, and then never writes a development secret', async () => {
    const dataDir = tempDataDir();
    const vapid = generateVapidKeys();
    const server = await startServer({
      dataDir,
      env: { NODE_ENV: 'production', PASSWORD_SCRYPT_LOG_N: '17', JWT_SECRET: 'x'.repeat(40), VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: 'mailto:ops@example.com' },
    });
    try {
      expect(server.logs.some((l) => String(l.msg).includes('DEVELOPMENT JWT SECRET'))).toBe(false);
      expect(() => statSync(join(dataDir, DEV_SECRET_FILE))).toThrow();
      // Production allows no browser Origin unless ALLOWED_ORIGINS lists it.
      const res = await fetch(`${server.url}/healthz`, { headers: { origin: 'http://localhost:3000' } });
      expect(res.status).toBe(403);
    } finally {
      await server.stop();
    }
  });
});
