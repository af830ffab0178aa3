import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { SETTINGS } from './settings.js';

/** The least a production node starts with. */
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), VAPID_PUBLIC_KEY: 'B'.repeat(87), VAPID_PRIVATE_KEY: 'p'.repeat(43), VAPID_SUBJECT: 'mailto:ops@example.com' };

describe('config', () => {
  it('serves the embedded shape by default', () => {
    const result = loadConfig({});
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.config).toMatchObject({ port: 3000, dataDir: './data', transport: 'auto', wire: 'msgpack', nodeEnv: 'development', jwtSecret: null });
    expect(result.config.allowedOrigins).toEqual({ kind: 'localhost' });
    expect(result.config.nodeId).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it('collects one message per wrong variable, naming it and what it got', () => {
    const result = loadConfig({ PORT: '70000', MAX_FRAME_BYTES: 'lots', TRUST_PROXY: 'maybe', JWT_SECRET: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.split(':')[0]).sort()).toEqual(['JWT_SECRET', 'MAX_FRAME_BYTES', 'PORT', 'TRUST_PROXY']);
    expect(result.errors.find((e) => e.startsWith('PORT'))).toContain('"70000"');
    expect(result.errors.find((e) => e.startsWith('JWT_SECRET'))).not.toContain('short"');
  });

  it('treats empty variables as unset', () => {
    const result = loadConfig({ PORT: '', WIRE: '' });
    expect(result.ok && result.config.port).toBe(3000);
  });

  it('checks settings against each other', () => {
    const result = loadConfig({ ACCESS_TOKEN_TTL_S: '30', TOKEN_EXPIRY_WARNING_S: '60' });
    expect(result.ok ? [] : result.errors).toEqual(['TOKEN_EXPIRY_WARNING_S: must be less than ACCESS_TOKEN_TTL_S (30)']);
  });

  it('selects one Redis or a Redis Cluster, never both, and names a bad node', () => {
    const one = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6400' });
    expect(one.ok && one.config.redis).toEqual({ url: 'redis://127.0.0.1:6400' });
    const cluster = loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000, redis://10.0.0.2:7001,[::1]:7002' });
    expect(cluster.ok && cluster.config.redis).toEqual({
      clusterSeeds: [
        { host: '127.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
    });
    const both = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6400', REDIS_CLUSTER_NODES: '127.0.0.1:7000' });
    expect(both.ok ? [] : both.errors).toEqual([expect.stringMatching(/^REDIS_CLUSTER_NODES: set either REDIS_URL .* not both$/)]);
    for (const bad of ['127.0.0.1', '127.0.0.1:0', 'host:70000', 'a b:1', ' , ']) {
      const result = loadConfig({ REDIS_CLUSTER_NODES: bad });
      expect(result.ok ? [] : result.errors, bad).toEqual([expect.stringMatching(/^REDIS_CLUSTER_NODES: must /)]);
    }
  });

  it('takes a test clock for moods, and never in production', () => {
    const dev = loadConfig({ MOOD_CLOCK_FILE: '/tmp/clock' });
    expect(dev.ok && dev.config.moodClockFile).toBe('/tmp/clock');
    const prod = loadConfig({ ...PRODUCTION, MOOD_CLOCK_FILE: '/tmp/clock' });
    expect(prod.ok ? [] : prod.errors).toEqual([expect.stringMatching(/^MOOD_CLOCK_FILE: /)]);
  });

  it('hashes passwords at OWASP\'s scrypt cost by default, and refuses less in production', () => {
    const dev = loadConfig({ PASSWORD_SCRYPT_LOG_N: '12' });
    expect(dev.ok && dev.config.passwordScryptLogN).toBe(12);
    const prod = loadConfig(PRODUCTION);
    expect(prod.ok && prod.config.passwordScryptLogN).toBe(17);
    const weak = loadConfig({ ...PRODUCTION, PASSWORD_SCRYPT_LOG_N: '16' });
    expect(weak.ok ? [] : weak.errors).toEqual([expect.stringMatching(/^PASSWORD_SCRYPT_LOG_N: below OWASP's minimum/)]);
  });

  it('needs a VAPID identity in production', () => {
    const { VAPID_SUBJECT: _, ...noSubject } = PRODUCTION;
    for (const env of [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, noSubject]) {
      const result = loadConfig(env);
      expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/^VAPID_PUBLIC_KEY: production needs/)]);
    }
    expect(loadConfig(PRODUCTION).ok).toBe(true);
  });

  it('takes a VAPID pair whole, or none', () => {
    const pair = { VAPID_PUBLIC_KEY: 'B'.repeat(87), VAPID_PRIVATE_KEY: 'p'.repeat(43) };
    const both = loadConfig({ ...pair, VAPID_SUBJECT: 'mailto:ops@example.com' });
    expect(both.ok && both.config.vapid).toEqual({ publicKey: pair.VAPID_PUBLIC_KEY, privateKey: pair.VAPID_PRIVATE_KEY, subject: 'mailto:ops@example.com' });
    const half = loadConfig({ VAPID_PUBLIC_KEY: pair.VAPID_PUBLIC_KEY });
    expect(half.ok ? [] : half.errors).toEqual([expect.stringMatching(/^VAPID_PUBLIC_KEY: set it together/)]);
    const bad = loadConfig({ ...pair, VAPID_PRIVATE_KEY: 'short' });
    expect(bad.ok ? [] : bad.errors).toEqual([expect.stringMatching(/^VAPID_PRIVATE_KEY: must be/)]);
    // A secret is never echoed back.
    expect(bad.ok ? '' : bad.errors.join()).not.toContain('short');
  });

  it('requires exact origins', () => {
    const ok = loadConfig({ ALLOWED_ORIGINS: 'https://app.example.com, http://localhost:5173' });
    expect(ok.ok && ok.config.allowedOrigins).toEqual({ kind: 'list', origins: new Set(['https://app.example.com', 'http://localhost:5173']) });
    for (const bad of ['https://app.example.com/', 'app.example.com', 'https://*.example.com']) {
      const result = loadConfig({ ALLOWED_ORIGINS: bad });
      expect(result.ok, bad).toBe(false);
    }
    const prod = loadConfig(PRODUCTION);
    expect(prod.ok && prod.config.allowedOrigins).toEqual({ kind: 'list', origins: new Set() });
  });

  it('is documented: the README table lists every setting with its default', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    for (const [name, setting] of Object.entries(SETTINGS)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `README row for ${name}`).toBeDefined();
      expect(row).toContain(setting.shownDefault);
    }
  });
});
