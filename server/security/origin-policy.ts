import type { OriginAllowlist } from '../config/config.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a browser `Origin` may connect or call the HTTP API. Requests without an Origin come from
 * non-browser clients (native apps, servers), which cross-site WebSocket hijacking cannot forge,
 * and are allowed. Matching is exact: no wildcards, no suffixes.
 */
export function isOriginAllowed(origin: string | undefined, allowlist: OriginAllowlist): boolean {
  if (origin === undefined || origin === '') return true;
  if (allowlist.kind === 'list') return allowlist.origins.has(origin);
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname) && url.origin === origin;
}
