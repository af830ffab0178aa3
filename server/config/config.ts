import { z } from 'zod';
import type { WireFormat } from '../../protocol/wire/wire-format.js';
import { defaultQueuePartitions, generatedNodeId, SECRET_SETTINGS, SETTINGS, type SettingName } from './settings.js';
import { OWASP_MIN_SCRYPT_LOG_N } from '../identity/password-hasher.js';
import type { RedisTarget } from '../../persistence/redis/redis-client.js';

/** Browser Origins allowed to connect: an exact list, or localhost on any port (the development default). */
export type OriginAllowlist = { readonly kind: 'list'; readonly origins: ReadonlySet<string> } | { readonly kind: 'localhost' };

/** The validated configuration of one server process. */
export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly nodeId: string;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly transport: 'auto' | 'uws' | 'node';
  readonly wire: WireFormat;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly jwtSecret: string | null;
  /** Web Push identity; null outside production when unset (a development pair is generated). */
  readonly vapid: { readonly publicKey: string; readonly privateKey: string; readonly subject: string } | null;
  readonly jwksUrl: string | null;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  /** log2 of scrypt's N for new password hashes. */
  readonly passwordScryptLogN: number;
  readonly accessTokenTtlS: number;
  readonly refreshTokenTtlS: number;
  readonly tokenExpiryWarningS: number;
  readonly allowedOrigins: OriginAllowlist;
  /** Proxies trusted to append `X-Forwarded-For` hops (0: none, use the peer address). */
  readonly trustedProxies: number;
  readonly maxFrameBytes: number;
  /** Where `/metrics` is served; `null`: not served. */
  readonly metrics: { readonly host: string; readonly port: number } | null;
  /** Unread bytes one connection may hold before it is disconnected. */
  readonly sendBufferBytes: number;
  /** Refusals for rate limits within `windowMs` after which a connection is disconnected. */
  readonly rateKick: { readonly refusals: number; readonly windowMs: number };
  /** How long a rotated refresh token is still answered with the pair it was rotated to. */
  readonly refreshReuseGraceMs: number;
  readonly maxConnectionsPerUser: number;
  readonly maxWatchedPerSocket: number;
  readonly presenceGraceMs: number;
  readonly rate: {
    readonly userPerS: number;
    readonly userBurst: number;
    readonly connPerS: number;
    readonly connBurst: number;
    readonly loginPerMin: number;
    readonly authPerMin: number;
    readonly hugsPerMin: number;
    readonly hugsBurst: number;
    readonly moodsPerMin: number;
    readonly moodsBurst: number;
  };
  readonly hugRequestTtlS: number;
  /** Tests only: the file whose offset shifts the clock of moods (`null`: the real clock). */
  readonly moodClockFile: string | null;
  readonly queue: {
    readonly lagBoundMs: number;
    readonly batchMax: number;
    readonly lingerMs: number;
    /** Embedded: the least time between two commits of enqueued writes. */
    readonly commitGapMs: number;
    readonly maxAttempts: number;
    /** Partitions of the Redis Streams log (cluster shape). */
    readonly partitions: number;
  };
  /** Set: the cluster shape, on one Redis or on a Redis Cluster. */
  readonly redis: RedisTarget | null;
  readonly redisAdapter: 'sharded' | 'classic';
  /** Whether this node runs write-behind workers (cluster shape). */
  readonly workers: boolean;
  readonly presenceNodeTimeoutMs: number;
  /** Push delivery: the per-user rate, (cluster) a worker's job lock, and the native push services configured. */
  readonly push: {
    readonly perMin: number;
    readonly burst: number;
    readonly lockMs: number;
    readonly fcm: { readonly credentialsFile: string; readonly apiUrl: string; readonly tokenUrl: string } | null;
    readonly apns: { readonly keyFile: string; readonly keyId: string; readonly teamId: string; readonly topic: string; readonly url: string } | null;
  };
  /** Notifications are removed this many days after they were made. */
  readonly notificationRetentionDays: number;
  readonly group: {
    readonly leadMs: number;
    readonly leaseMs: number;
    readonly emptyTimeoutMs: number;
    readonly pulseMs: number;
    readonly tapBatchMs: number;
    readonly squeezesPerS: number;
    /** How long before a scheduled group hug its participants hear it starts soon. */
    readonly startingNoticeMs: number;
  };
  /** Set: the MongoDB store. */
  readonly mongoUrl: string | null;
  readonly mongoDatabase: string;
  readonly pingIntervalMs: number;
  readonly pingTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
}

/** The outcome of {@link loadConfig}: a config, or one message per wrong variable. */
export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly errors: readonly string[] };

const envSchema = z.object(
  Object.fromEntries(Object.entries(SETTINGS).map(([name, s]) => [name, s.schema])) as {
    [K in SettingName]: (typeof SETTINGS)[K]['schema'];
  },
);

function parseOrigins(raw: string | undefined, nodeEnv: Config['nodeEnv']): { value?: OriginAllowlist; error?: string } {
  if (raw === undefined) {
    return { value: nodeEnv === 'production' ? { kind: 'list', origins: new Set() } : { kind: 'localhost' } };
  }
  const origins = raw.split(',').map((o) => o.trim()).filter((o) => o.length > 0);
  for (const origin of origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return { error: `"${origin}" is not an origin like https://app.example.com` };
    }
    if (origin.includes('*')) return { error: `"${origin}": wildcards are not allowed, list each origin exactly` };
    if (url.origin !== origin) return { error: `"${origin}" must be exactly scheme://host[:port] (did you mean ${url.origin}?)` };
  }
  return { value: { kind: 'list', origins: new Set(origins) } };
}

/**
 * Reads and validates every setting from `env`. Empty variables count as unset. All problems are
 * collected, so one run names every wrong variable.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const present = Object.fromEntries(
    Object.keys(SETTINGS)
      .map((name) => [name, env[name]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'config');
        const got = SECRET_SETTINGS.has(name) ? undefined : present[name];
        return `${name}: ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
      }),
    };
  }
  const e = parsed.data;
  const errors: string[] = [];
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET && !e.JWKS_URL) {
    errors.push('JWT_SECRET: production needs JWT_SECRET or JWKS_URL; refusing to start with a generated development secret');
  }
  if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY)) errors.push('VAPID_PUBLIC_KEY: set it together with VAPID_PRIVATE_KEY, or neither');
  if (e.NODE_ENV === 'production' && (!e.VAPID_PUBLIC_KEY || !e.VAPID_PRIVATE_KEY || !e.VAPID_SUBJECT)) {
    errors.push('VAPID_PUBLIC_KEY: production needs VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (npx web-push generate-vapid-keys); refusing to start with a generated development pair');
  }
  const apnsSet = [e.APNS_KEY_FILE, e.APNS_KEY_ID, e.APNS_TEAM_ID, e.APNS_TOPIC].filter(Boolean).length;
  if (apnsSet > 0 && apnsSet < 4) errors.push('APNS_KEY_FILE: set APNS_KEY_FILE, APNS_KEY_ID, APNS_TEAM_ID and APNS_TOPIC together, or none of them');
  if (e.NODE_ENV === 'production' && e.PASSWORD_SCRYPT_LOG_N < OWASP_MIN_SCRYPT_LOG_N) {
    errors.push(`PASSWORD_SCRYPT_LOG_N: below OWASP's minimum (${OWASP_MIN_SCRYPT_LOG_N}); refusing weaker password hashes in production`);
  }
  if (e.NODE_ENV === 'production' && e.MOOD_CLOCK_FILE) errors.push('MOOD_CLOCK_FILE: a test clock; refusing to shift the clock of moods in production');
  if (e.TOKEN_EXPIRY_WARNING_S >= e.ACCESS_TOKEN_TTL_S) {
    errors.push(`TOKEN_EXPIRY_WARNING_S: must be less than ACCESS_TOKEN_TTL_S (${e.ACCESS_TOKEN_TTL_S})`);
  }
  const origins = parseOrigins(e.ALLOWED_ORIGINS, e.NODE_ENV);
  if (origins.error) errors.push(`ALLOWED_ORIGINS: ${origins.error}`);
  if (e.REDIS_URL && e.REDIS_CLUSTER_NODES) errors.push('REDIS_CLUSTER_NODES: set either REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a Redis Cluster), not both');
  if (errors.length > 0 || !origins.value) return { ok: false, errors };

  return {
    ok: true,
    config: {
      nodeEnv: e.NODE_ENV,
      nodeId: e.NODE_ID ?? generatedNodeId(),
      host: e.HOST,
      port: e.PORT,
      dataDir: e.DATA_DIR,
      transport: e.TRANSPORT,
      wire: e.WIRE,
      logLevel: e.LOG_LEVEL,
      jwtSecret: e.JWT_SECRET ?? null,
      vapid: e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT ?? 'mailto:ops@hugmood.invalid' } : null,
      jwksUrl: e.JWKS_URL ?? null,
      jwtIssuer: e.JWT_ISSUER,
      jwtAudience: e.JWT_AUDIENCE,
      passwordScryptLogN: e.PASSWORD_SCRYPT_LOG_N,
      accessTokenTtlS: e.ACCESS_TOKEN_TTL_S,
      refreshTokenTtlS: e.REFRESH_TOKEN_TTL_S,
      tokenExpiryWarningS: e.TOKEN_EXPIRY_WARNING_S,
      allowedOrigins: origins.value,
      trustedProxies: e.TRUST_PROXY,
      maxFrameBytes: e.MAX_FRAME_BYTES,
      metrics: e.METRICS_PORT === undefined ? null : { host: e.METRICS_HOST ?? e.HOST, port: e.METRICS_PORT },
      sendBufferBytes: e.SEND_BUFFER_BYTES,
      rateKick: { refusals: e.RATE_KICK_REFUSALS, windowMs: e.RATE_KICK_WINDOW_MS },
      refreshReuseGraceMs: e.REFRESH_REUSE_GRACE_MS,
      maxConnectionsPerUser: e.MAX_CONNECTIONS_PER_USER,
      maxWatchedPerSocket: e.MAX_WATCHED_PER_SOCKET,
      presenceGraceMs: e.PRESENCE_GRACE_MS,
      rate: {
        userPerS: e.RATE_USER_PER_S,
        userBurst: e.RATE_USER_BURST,
        connPerS: e.RATE_CONN_PER_S,
        connBurst: e.RATE_CONN_BURST,
        loginPerMin: e.LOGIN_ATTEMPTS_PER_MIN,
        authPerMin: e.AUTH_REQUESTS_PER_MIN,
        hugsPerMin: e.RATE_HUGS_PER_MIN,
        hugsBurst: e.RATE_HUGS_BURST,
        moodsPerMin: e.RATE_MOODS_PER_MIN,
        moodsBurst: e.RATE_MOODS_BURST,
      },
      hugRequestTtlS: e.HUG_REQUEST_TTL_S,
      moodClockFile: e.MOOD_CLOCK_FILE ?? null,
      queue: {
        lagBoundMs: e.QUEUE_LAG_BOUND_MS,
        batchMax: e.QUEUE_BATCH_MAX,
        lingerMs: e.QUEUE_LINGER_MS,
        commitGapMs: e.QUEUE_COMMIT_GAP_MS,
        maxAttempts: e.QUEUE_MAX_ATTEMPTS,
        partitions: e.QUEUE_PARTITIONS ?? defaultQueuePartitions(e.MONGO_URL),
      },
      redis: e.REDIS_CLUSTER_NODES ? { clusterSeeds: e.REDIS_CLUSTER_NODES } : e.REDIS_URL ? { url: e.REDIS_URL } : null,
      redisAdapter: e.REDIS_ADAPTER,
      workers: e.WORKERS === 1,
      presenceNodeTimeoutMs: e.PRESENCE_NODE_TIMEOUT_MS,
      push: {
        perMin: e.PUSH_PER_MIN,
        burst: e.PUSH_BURST,
        lockMs: e.PUSH_LOCK_MS,
        fcm: e.FCM_CREDENTIALS_FILE ? { credentialsFile: e.FCM_CREDENTIALS_FILE, apiUrl: e.FCM_API_URL, tokenUrl: e.FCM_TOKEN_URL } : null,
        apns:
          e.APNS_KEY_FILE && e.APNS_KEY_ID && e.APNS_TEAM_ID && e.APNS_TOPIC
            ? { keyFile: e.APNS_KEY_FILE, keyId: e.APNS_KEY_ID, teamId: e.APNS_TEAM_ID, topic: e.APNS_TOPIC, url: e.APNS_URL }
            : null,
      },
      notificationRetentionDays: e.NOTIFICATION_RETENTION_DAYS,
      group: {
        leadMs: e.GROUP_LEAD_MS,
        leaseMs: e.GROUP_LEASE_MS,
        emptyTimeoutMs: e.GROUP_EMPTY_TIMEOUT_MS,
        pulseMs: e.GROUP_PULSE_MS,
        tapBatchMs: e.GROUP_TAP_BATCH_MS,
        squeezesPerS: e.RATE_SQUEEZES_PER_S,
        startingNoticeMs: e.GROUP_STARTING_NOTICE_MS,
      },
      mongoUrl: e.MONGO_URL ?? null,
      mongoDatabase: e.MONGO_DATABASE,
      pingIntervalMs: e.PING_INTERVAL_MS,
      pingTimeoutMs: e.PING_TIMEOUT_MS,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
  };
}
