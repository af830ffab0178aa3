import { isIP } from 'node:net';

/** Why a push endpoint is refused, or null when it may be used. */
export type EndpointRefusal = 'not_https' | 'credentials' | 'private_address' | null;

/** Where a push endpoint may point. */
export interface EndpointPolicy {
  /** Development only: `http:` to a loopback host (a local push service in tests and demos). */
  readonly allowLoopback: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether an IP literal is in a range a push service never lives in: loopback, private, link-local, unspecified, CGNAT, ULA. */
function isPrivateAddress(host: string): boolean {
  const ip = host.startsWith('[') ? host.slice(1, -1) : host;
  const family = isIP(ip);
  if (family === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (family === 6) {
    const lower = ip.toLowerCase();
    return lower === '::' || lower === '::1' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe8') || lower.startsWith('fe9') || lower.startsWith('fea') || lower.startsWith('feb') || lower.startsWith('::ffff:');
  }
  return false;
}

/**
 * Checks a push subscription's endpoint before the server ever calls it (the server makes the
 * request, so an endpoint is a way to make it call anything): `https:` only, no credentials, no
 * IP literal of a private range or a loopback name; in development, `http:` to a loopback host.
 * (A name that resolves to a private address is the network's to block: egress rules.)
 */
export function checkPushEndpoint(endpoint: string, policy: EndpointPolicy): EndpointRefusal {
  if (!URL.canParse(endpoint)) return 'not_https';
  const url = new URL(endpoint);
  if (url.username || url.password) return 'credentials';
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (loopback && policy.allowLoopback && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'not_https';
  if (loopback || isPrivateAddress(url.hostname)) return 'private_address';
  return null;
}
