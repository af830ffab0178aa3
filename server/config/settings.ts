import { hostname } from 'node:os';
import { z } from 'zod';
import { WIRE_FORMATS } from '../../protocol/wire/wire-format.js';

function integer(min: number, max: number) {
  return z
    .string()
    .regex(/^-?\d+$/, `must be an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

/** `false`/`0` (no proxy), `true`/`1` (one) or the number of trusted proxies. */
function trustedProxies() {
  return z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'must be true, false or the number of trusted proxies (0-16)')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)))
    .pipe(z.number().int().min(0).max(16, 'must be at most 16'));
}

/** `host:port[,host:port…]` (a `redis://` prefix allowed): the seeds of a Redis Cluster. */
function clusterNodes() {
  return z
    .string()
    .transform((raw, ctx) => {
      const seeds = [];
      for (const item of raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0)) {
        const match = /^(?:rediss?:\/\/)?([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})\/?$/.exec(item);
        const port = Number(match?.[2]);
        if (!match?.[1] || !(port >= 1 && port <= 65535)) {
          ctx.addIssue({ code: 'custom', message: `must be host:port entries separated by commas (${JSON.stringify(item)} is not one)` });
          return z.NEVER;
        }
        seeds.push({ host: match[1].replace(/^\[|\]$/g, ''), port });
      }
      if (seeds.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'must name at least one node (host:port)' });
        return z.NEVER;
      }
      return seeds;
    });
}

function httpUrl() {
  return z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
}

/** One environment variable: its schema (with default), the default as the README shows it, and what it does. */
export interface Setting<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly shownDefault: string;
  readonly doc: string;
}

function setting<S extends z.ZodType>(schema: S, shownDefault: string, doc: string): Setting<S> {
  return { schema, shownDefault, doc };
}

/**
 * Every setting the server reads. This table is the single source: config parsing, the README's
 * settings table (checked by a test) and the error messages all come from it.
 */
export const SETTINGS = {
  NODE_ENV: setting(z.enum(['development', 'production', 'test']).default('development'), 'development', '`production` requires `JWT_SECRET` or `JWKS_URL` and an explicit `ALLOWED_ORIGINS` for browsers.'),
  NODE_ID: setting(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 _ . -').optional(), 'host name + random suffix', 'This node\'s id in logs and metrics (and, in a cluster, in presence ownership).'),
  HOST: setting(z.string().min(1).default('127.0.0.1'), '127.0.0.1', 'Address to listen on. Use `0.0.0.0` in a container.'),
  PORT: setting(integer(0, 65535).default(3000), '3000', 'HTTP and WebSocket port. `0` picks a free port and logs it.'),
  DATA_DIR: setting(z.string().min(1).default('./data'), './data', 'Folder for the SQLite file and the development JWT secret.'),
  TRANSPORT: setting(z.enum(['auto', 'uws', 'node']).default('auto'), 'auto', '`uws` (uWebSockets.js), `node` (http + ws), or `auto`: uWS when its native binary loads, else node.'),
  WIRE: setting(z.enum(WIRE_FORMATS).default('msgpack'), 'msgpack', 'Socket.IO wire format: `msgpack` (binary frames) or `json`. Clients must use the same.'),
  LOG_LEVEL: setting(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), 'info', 'pino log level.'),
  VAPID_PUBLIC_KEY: setting(z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'must be a base64url P-256 public key (87 characters)').optional(), 'generated in development', 'Web Push: the server\'s VAPID public key (a P-256 point, base64url, as `npx web-push generate-vapid-keys` prints it). Set it with `VAPID_PRIVATE_KEY`; without both (and outside production) a development pair is generated in `DATA_DIR`.'),
  VAPID_PRIVATE_KEY: setting(z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url P-256 private key (43 characters)').optional(), 'generated in development', 'Web Push: the VAPID private key matching `VAPID_PUBLIC_KEY` (base64url).'),
  VAPID_SUBJECT: setting(z.string().regex(/^(mailto:|https:\/\/).+/, 'must be a mailto: or https: URL').optional(), 'mailto:ops@hugmood.invalid in development', 'Web Push: the contact push services may reach the operator at (`mailto:` or `https:`), sent in every VAPID token.'),
  JWT_SECRET: setting(z.string().min(32, 'must be at least 32 characters').optional(), 'generated in development', 'HS256 secret for access tokens. Without it (and outside production) a development secret is generated in `DATA_DIR`.'),
  JWKS_URL: setting(httpUrl().optional(), 'unset', 'Trust access tokens from your identity provider: its JWKS endpoint. Unknown users are provisioned on first connect.'),
  JWT_ISSUER: setting(z.string().min(1).default('hugmood'), 'hugmood', 'Required `iss` claim of access tokens.'),
  JWT_AUDIENCE: setting(z.string().min(1).default('hugmood-realtime'), 'hugmood-realtime', 'Required `aud` claim of access tokens.'),
  PASSWORD_SCRYPT_LOG_N: setting(integer(10, 22).default(17), '17', 'Cost of new password hashes: log2 of scrypt\'s N (r = 8, p = 1). 17 is OWASP\'s minimum: 128 MiB and about 0.3 s of one core per hash. A stored hash keeps its own N, and one below this is replaced at its next login. Below 17 is refused with `NODE_ENV=production` (the tests use 12).'),
  ACCESS_TOKEN_TTL_S: setting(integer(2, 86_400).default(900), '900', 'Lifetime of access tokens issued by `/v1/auth/*`, in seconds.'),
  REFRESH_TOKEN_TTL_S: setting(integer(60, 31_536_000).default(2_592_000), '2592000', 'Lifetime of refresh tokens, in seconds (30 days).'),
  TOKEN_EXPIRY_WARNING_S: setting(integer(1, 3600).default(60), '60', 'How long before a socket\'s token expires the server sends `auth:expiring`.'),
  ALLOWED_ORIGINS: setting(z.string().optional(), 'localhost (any port) outside production', 'Comma-separated exact browser Origins allowed to connect and call the HTTP API. Non-browser clients send no Origin and are allowed.'),
  TRUST_PROXY: setting(
    trustedProxies().default(0),
    'false',
    '`false`, `true` (one proxy) or the number of trusted proxies in front of the nodes: the client address is the `X-Forwarded-For` hop the outermost trusted proxy appended (counted from the right), never the leftmost one, which the client writes.',
  ),
  METRICS_PORT: setting(integer(0, 65535).optional(), 'unset (not served)', 'Serve Prometheus `/metrics` on this port, a listener of its own (never on the public `PORT`). `0` picks a free port and logs it.'),
  METRICS_HOST: setting(z.string().min(1).optional(), 'HOST', 'Address of the metrics listener. Keep it on a private network.'),
  SEND_BUFFER_BYTES: setting(integer(16 * 1024, 256 * 1024 * 1024).default(1_048_576), '1048576', 'Most bytes the server holds for one connection that a client has not read yet. A client that stops reading past it is disconnected (its SDK reconnects and syncs its inbox).'),
  RATE_KICK_REFUSALS: setting(integer(1, 1_000_000).default(500), '500', 'A connection refused this many commands for its rate limits within `RATE_KICK_WINDOW_MS` is disconnected (`session:ended` with reason `rate_limited`) instead of being answered event by event.'),
  RATE_KICK_WINDOW_MS: setting(integer(100, 600_000).default(5000), '5000', 'The window of `RATE_KICK_REFUSALS`.'),
  REFRESH_REUSE_GRACE_MS: setting(integer(0, 60_000).default(5000), '5000', 'A refresh token presented again this soon after its rotation (a retry, a second tab) gets the same new pair instead of counting as reuse.'),
  MAX_FRAME_BYTES: setting(integer(1024, 16 * 1024 * 1024).default(65_536), '65536', 'Largest WebSocket frame or HTTP body accepted; bigger ones are refused.'),
  MAX_CONNECTIONS_PER_USER: setting(integer(1, 1000).default(10), '10', 'Sockets one user may hold at once on this node.'),
  MAX_WATCHED_PER_SOCKET: setting(integer(1, 100_000).default(1000), '1000', 'Users one socket may watch with `presence:watch`.'),
  PRESENCE_GRACE_MS: setting(integer(0, 600_000).default(5000), '5000', 'A disconnect becomes `offline` only after this long; a reconnect within it is invisible to watchers.'),
  RATE_USER_PER_S: setting(integer(1, 100_000).default(20), '20', 'Commands per second per user (token bucket refill).'),
  RATE_USER_BURST: setting(integer(1, 100_000).default(60), '60', 'Burst size of the per-user bucket.'),
  RATE_CONN_PER_S: setting(integer(1, 100_000).default(10), '10', 'Commands per second per connection.'),
  RATE_CONN_BURST: setting(integer(1, 100_000).default(30), '30', 'Burst size of the per-connection bucket.'),
  RATE_HUGS_PER_MIN: setting(integer(1, 1_000_000).default(60), '60', 'Hugs and hug requests per minute per sender (token bucket refill).'),
  RATE_HUGS_BURST: setting(integer(1, 1_000_000).default(20), '20', 'Burst size of the per-sender hug bucket.'),
  RATE_MOODS_PER_MIN: setting(integer(1, 1_000_000).default(30), '30', 'Moods recorded, changed or deleted per minute per user (token bucket refill).'),
  RATE_MOODS_BURST: setting(integer(1, 1_000_000).default(10), '10', 'Burst size of the per-user mood bucket.'),
  MOOD_CLOCK_FILE: setting(z.string().min(1).optional(), 'unset', 'Tests only: a file holding a number of milliseconds added to the clock of moods (when a mood is recorded, streaks, summaries, daily reminders), read at each use, so a test lives through days at once. Refused with `NODE_ENV=production`.'),
  FCM_CREDENTIALS_FILE: setting(z.string().min(1).optional(), 'unset (no FCM)', 'Push to Android: a Google service account key file (JSON) of the Firebase project. Unset: Android devices are not pushed to.'),
  FCM_API_URL: setting(z.url({ protocol: /^https?$/ }).default('https://fcm.googleapis.com'), 'https://fcm.googleapis.com', 'Push to Android: where the FCM HTTP v1 API is (a proxy, or a local fake in tests).'),
  FCM_TOKEN_URL: setting(z.url({ protocol: /^https?$/ }).default('https://oauth2.googleapis.com/token'), 'https://oauth2.googleapis.com/token', "Push to Android: Google's OAuth 2 token endpoint the service account signs for."),
  APNS_KEY_FILE: setting(z.string().min(1).optional(), 'unset (no APNs)', 'Push to iOS: the APNs auth key (`.p8`) file. Set it with `APNS_KEY_ID`, `APNS_TEAM_ID` and `APNS_TOPIC`, or none of them.'),
  APNS_KEY_ID: setting(z.string().regex(/^[A-Z0-9]{10}$/, 'must be the 10-character key id').optional(), 'unset', 'Push to iOS: the id of the APNs auth key.'),
  APNS_TEAM_ID: setting(z.string().regex(/^[A-Z0-9]{10}$/, 'must be the 10-character team id').optional(), 'unset', 'Push to iOS: the Apple developer team id.'),
  APNS_TOPIC: setting(z.string().regex(/^[A-Za-z0-9.-]{1,155}$/, 'must be the app bundle id').optional(), 'unset', "Push to iOS: the app's bundle id."),
  APNS_URL: setting(z.url({ protocol: /^https?$/ }).default('https://api.push.apple.com'), 'https://api.push.apple.com', 'Push to iOS: where APNs is (`https://api.sandbox.push.apple.com` for development builds; a local fake in tests).'),
  PUSH_PER_MIN: setting(integer(1, 10_000).default(10), '10', 'Pushes per minute per user (token bucket refill). More wait, and collapse into one ("3 new hugs") when they go.'),
  PUSH_BURST: setting(integer(1, 10_000).default(5), '5', 'Burst size of the per-user push bucket.'),
  PUSH_LOCK_MS: setting(integer(1000, 600_000).default(30_000), '30000', 'Cluster only: how long a push worker holds a job without renewing its lock. A worker that dies mid-job leaves it to another worker after about this long.'),
  NOTIFICATION_RETENTION_DAYS: setting(integer(1, 3650).default(90), '90', 'Notifications older than this many days are removed (read or not), by a sweep every hour on each node.'),
  HUG_REQUEST_TTL_S: setting(integer(1, 31_536_000).default(86_400), '86400', 'How long a hug request can be answered, in seconds.'),
  QUEUE_LAG_BOUND_MS: setting(integer(100, 600_000).default(5000), '5000', 'Write-behind backpressure: past this queue lag, deferrable writes (hugs, reads) get `unavailable` with `retryAfterMs`.'),
  QUEUE_BATCH_MAX: setting(integer(1, 10_000).default(256), '256', 'Most write-behind operations per store transaction.'),
  QUEUE_LINGER_MS: setting(integer(0, 1000).default(0), '0', 'Embedded only: group commit, how long an enqueue waits for others to share its disk write; 0 = until the end of the event-loop turn. (In a cluster an enqueue is one append to the Redis Streams log and waits for nothing.)'),
  QUEUE_COMMIT_GAP_MS: setting(integer(0, 1000).default(4), '4', 'Embedded only: group commit, the least time between two commits of enqueued writes (each one fsync). An enqueue after a quiet spell is committed at once; under load enqueues wait at most this long and share one commit.'),
  QUEUE_MAX_ATTEMPTS: setting(integer(1, 100).default(8), '8', 'Attempts (with exponential backoff) before a write-behind operation is dead-lettered.'),
  MONGO_URL: setting(z.string().regex(/^mongodb(\+srv)?:\/\/.+/, 'must be a mongodb:// or mongodb+srv:// URL').optional(), 'unset (SQLite)', 'Switches the store to MongoDB (the production shape). Without it the store is the SQLite file in `DATA_DIR`.'),
  MONGO_DATABASE: setting(z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be 1-63 of A-Z a-z 0-9 _ -').default('hugmood'), 'hugmood', 'The MongoDB database holding the collections.'),
  QUEUE_PARTITIONS: setting(integer(1, 64).optional(), '1 with SQLite, 4 with MongoDB', 'Cluster only: partitions of the Redis Streams write-behind log (keys hash onto them; each is written by one writer at a time, in order, and a dead writer\'s partitions are taken over within 2 s). One suits a shared SQLite file, which has one writer anyway. Every node, worker and `npm run dlq` must use the same value.'),
  WORKERS: setting(integer(0, 1).default(1), '1', 'Cluster only: `1` runs the write-behind workers in this node; `0` leaves them to other nodes or `npm run worker` processes.'),
  REDIS_URL: setting(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(), 'unset (embedded)', 'Switches every pluggable part to Redis (the cluster shape): the Socket.IO adapter, presence, rate limits, idempotency keys, cursors, command steps and the Redis Streams write-behind log. Redis must run with `maxmemory-policy noeviction`. For a Redis Cluster, set `REDIS_CLUSTER_NODES` instead.'),
  REDIS_CLUSTER_NODES: setting(clusterNodes().optional(), 'unset', 'The cluster shape on a Redis Cluster instead of one Redis (`host:port,host:port,…`, any of its nodes; the client learns the rest). Every key a command touches carries the hash tag of a log partition, so give `QUEUE_PARTITIONS` several times the number of masters. Set this or `REDIS_URL`, not both.'),
  REDIS_ADAPTER: setting(z.enum(['sharded', 'classic']).default('sharded'), 'sharded', 'Cluster only: `sharded` (Redis 7 sharded pub/sub; a node only receives messages for rooms it holds) or `classic` (every node receives every message). See "Choosing the adapter".'),
  PRESENCE_NODE_TIMEOUT_MS: setting(integer(1000, 600_000).default(5000), '5000', 'Cluster only: a node silent this long is dead; any node then sweeps its presence and announces its users offline (about this plus one second after a crash).'),
  GROUP_LEAD_MS: setting(integer(500, 60_000).default(3000), '3000', 'Group hugs: the countdown. `startsAt` is fixed this far ahead of the start (or the schedule opens the countdown this early).'),
  GROUP_LEASE_MS: setting(integer(500, 60_000).default(2000), '2000', 'Group hugs: the owner lease, renewed every quarter of it. After a crash another node takes over within about this plus 250 ms.'),
  GROUP_EMPTY_TIMEOUT_MS: setting(integer(1000, 86_400_000).default(120_000), '120000', 'Group hugs: one with nobody left in it is cancelled after this long.'),
  GROUP_PULSE_MS: setting(integer(100, 10_000).default(100), '100', 'Group hugs: the pulse period while live (100 ms = 10 Hz, the fastest allowed).'),
  GROUP_STARTING_NOTICE_MS: setting(integer(1000, 3_600_000).default(60_000), '60000', 'Group hugs: a scheduled one notifies those who joined it this long before it starts ("starts in a minute").'),
  GROUP_TAP_BATCH_MS: setting(integer(1, 100).default(20), '20', 'Group hugs: each node gathers squeezes per group hug this long before forwarding them to the owner.'),
  RATE_SQUEEZES_PER_S: setting(integer(1, 1000).default(20), '20', 'Group hugs: squeezes per second per connection (bursts of the same size); more get `rate_limited`. Squeezes (and `time:sync`) have their own buckets and do not count against `RATE_CONN_*` or `RATE_USER_*`.'),
  LOGIN_ATTEMPTS_PER_MIN: setting(integer(1, 10_000).default(5), '5', 'Login attempts per minute per username and client address (bursts of the same size).'),
  AUTH_REQUESTS_PER_MIN: setting(integer(1, 100_000).default(60), '60', 'Auth requests (register, login, refresh) per minute per client address.'),
  PING_INTERVAL_MS: setting(integer(1000, 300_000).default(25_000), '25000', 'Socket.IO heartbeat interval.'),
  PING_TIMEOUT_MS: setting(integer(1000, 300_000).default(20_000), '20000', 'A socket that misses a heartbeat for this long is closed.'),
  SHUTDOWN_TIMEOUT_MS: setting(integer(100, 600_000).default(10_000), '10000', 'Longest a graceful SIGTERM shutdown may take before the process exits anyway.'),
} as const;

/** Settings whose values are never echoed back, not even in error messages. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['JWT_SECRET', 'VAPID_PRIVATE_KEY']);

/** A setting name. */
export type SettingName = keyof typeof SETTINGS;

/** A generated node id: the host name plus a random suffix. */
export function generatedNodeId(): string {
  const host = hostname().replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 40) || 'node';
  return `${host}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Log partitions when `QUEUE_PARTITIONS` is unset: one for a shared SQLite file (one writer anyway), four for MongoDB. */
export function defaultQueuePartitions(mongoUrl: string | undefined): number {
  return mongoUrl ? 4 : 1;
}

