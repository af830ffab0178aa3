import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadConfig } from '../server/config/config.js';
import { SETTINGS } from '../server/config/settings.js';
import { generateVapidKeys } from '../server/push/web-push-provider.js';

// No Docker engine runs on our machines, so the deployment files are checked by structure here.
const ROOT = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

const healthcheck = z.object({ test: z.array(z.string()).min(2), interval: z.string(), timeout: z.string() });
const service = z.object({
  image: z.string().optional(),
  build: z.string().optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.enum(['service_healthy', 'service_started']) })).optional(),
  healthcheck,
  ports: z.array(z.string()).optional(),
  volumes: z.array(z.string()).optional(),
});
const composeFile = z.object({ services: z.record(z.string(), service), volumes: z.record(z.string(), z.null()).optional() });

/** The compose file with `${VAR:?…}` / `${VAR:-default}` resolved as `docker compose` would, given `env`. */
function compose(env: Record<string, string>) {
  const text = read('docker-compose.yml').replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    const value = env[name];
    if (value !== undefined) return value;
    if (kind === '?') throw new Error(`${name} is required: ${rest ?? ''}`);
    return kind === '-' ? (rest ?? '') : '';
  });
  return composeFile.parse(parse(text, { merge: true }));
}

const SECRET = 'a'.repeat(64);
const NODES = ['node-1', 'node-2', 'node-3'];

describe('docker-compose.yml', () => {
  const vapid = generateVapidKeys();
  const file = compose({ JWT_SECRET: SECRET, VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: 'mailto:ops@example.com' });

  it('has Redis, MongoDB, three nodes, a worker, a load balancer, Prometheus and Grafana, each with a health check', () => {
    expect(Object.keys(file.services).sort()).toEqual(['grafana', 'lb', 'mongo', 'node-1', 'node-2', 'node-3', 'prometheus', 'redis', 'worker']);
    for (const [name, s] of Object.entries(file.services)) expect(s.healthcheck.test.length, name).toBeGreaterThan(1);
  });

  it('runs Redis with AOF (fsync every second) and noeviction, on a volume', () => {
    const redis = file.services['redis'];
    expect(redis?.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(redis?.command?.join(' ')).toMatch(/--appendfsync everysec/);
    expect(redis?.command?.join(' ')).toMatch(/--maxmemory-policy noeviction/);
    expect(redis?.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
    expect(file.services['mongo']?.volumes?.some((v) => v.endsWith(':/data/db'))).toBe(true);
  });

  it('gives every node and the worker a valid configuration of the production shape, with its own NODE_ID', () => {
    const ids = new Set<string>();
    for (const name of [...NODES, 'worker']) {
      const s = file.services[name];
      const env = s?.environment ?? {};
      for (const key of Object.keys(env)) expect(Object.keys(SETTINGS), `${name}: ${key} is a setting`).toContain(key);
      const loaded = loadConfig(env);
      expect(loaded.ok ? [] : loaded.errors, name).toEqual([]);
      if (!loaded.ok) continue;
      expect(loaded.config).toMatchObject({ nodeEnv: 'production', host: '0.0.0.0', redis: { url: 'redis://redis:6379' }, mongoUrl: 'mongodb://mongo:27017', jwtSecret: SECRET });
      ids.add(loaded.config.nodeId);
      expect(s?.depends_on).toMatchObject({ redis: { condition: 'service_healthy' }, mongo: { condition: 'service_healthy' } });
      expect(s?.build).toBe('.');
    }
    expect(ids.size).toBe(4);
    for (const name of NODES) expect(file.services[name]?.environment?.['WORKERS'], `${name} leaves writing to the worker`).toBe('0');
    expect(file.services['worker']?.command).toEqual(['node', 'dist/server/worker.js']);
    expect(file.services['worker']?.environment?.['WORKERS'] ?? '1').toBe('1');
  });

  it('has Prometheus scrape every node\'s metrics port and the worker, with the alert rules, and Grafana provisioned with it and the dashboard', () => {
    const prometheus = file.services['prometheus'];
    expect(prometheus?.volumes).toEqual(expect.arrayContaining(['./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro', './deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro']));
    const scrape = parse(read('deploy/prometheus/prometheus.yml')) as { rule_files: string[]; scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] };
    expect(scrape.rule_files).toEqual(['/etc/prometheus/alerts.yml']);
    const targets = scrape.scrape_configs.flatMap((c) => c.static_configs.flatMap((t) => t.targets));
    for (const node of NODES) expect(targets).toContain(`${node}:${file.services[node]?.environment?.['METRICS_PORT'] ?? 'unset'}`);
    expect(targets).toContain(`worker:${file.services['worker']?.environment?.['PORT'] ?? 'unset'}`);
    expect(scrape.scrape_configs.map((c) => c.job_name)).toEqual(['hugmood']);
    const grafana = file.services['grafana'];
    expect(grafana?.volumes).toEqual(expect.arrayContaining(['./deploy/grafana/provisioning:/etc/grafana/provisioning:ro', './deploy/grafana/hugmood.json:/var/lib/grafana/dashboards/hugmood.json:ro']));
    expect(grafana?.depends_on?.['prometheus']).toEqual({ condition: 'service_healthy' });
    const providers = parse(read('deploy/grafana/provisioning/dashboards/hugmood.yml')) as { providers: { options: { path: string } }[] };
    expect(providers.providers[0]?.options.path).toBe('/var/lib/grafana/dashboards');
  });

  it('refuses to start without JWT_SECRET', () => {
    expect(() => compose({})).toThrow(/JWT_SECRET is required/);
  });

  it('puts HAProxy in front of every node, health-checked on /readyz, with WebSocket tunnels kept open', () => {
    const lb = file.services['lb'];
    expect(lb?.ports).toContain('8080:8080');
    expect(lb?.volumes).toContain('./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    for (const node of NODES) expect(lb?.depends_on?.[node]).toEqual({ condition: 'service_healthy' });
    const cfg = read('deploy/haproxy.cfg');
    for (const node of NODES) expect(cfg).toMatch(new RegExp(`^\\s*server ${node} ${node}:3000\\b`, 'm'));
    expect(cfg).toMatch(/option httpchk GET \/readyz/);
    expect(cfg).toMatch(/timeout tunnel \d+[smh]/);
    expect(cfg).toMatch(/bind \*:8080/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds in stages on Node 24 and Debian 13, and runs the compiled server with node directly (so SIGTERM reaches it), as an unprivileged user', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-trixie-slim$/m);
    expect(dockerfile.match(/^FROM \$\{NODE_IMAGE\} AS (build|runtime)$/gm)?.length).toBe(2);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(/COPY --from=deps \/app\/node_modules/);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/server\/main.js"\]$/m);
    expect(dockerfile).not.toMatch(/tsx/);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
  });

  it('compiles every folder the server imports at run time, with the build\'s tsconfig', () => {
    const build = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    for (const folder of ['protocol', 'domain', 'rooms', 'persistence', 'server']) {
      expect(dockerfile).toMatch(new RegExp(`^COPY ${folder} \\./${folder}$`, 'm'));
      expect(build.include).toContain(folder);
    }
    for (const workspace of ['client-sdk', 'client-react', 'examples/web']) expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/package.json`);
  });
});
