import { io, type Socket } from 'socket.io-client';
import { HugMoodClient, type HugMoodClientOptions } from '../../client-sdk/src/index.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { parserFor, type WireFormat } from '../../protocol/wire/wire-format.js';
import { type Account, register } from './accounts.js';
import { recordingLogger } from './client-logs.js';

const open: { close(): void }[] = [];

/**
 * An SDK client with the suites' backoff, timeout and recording logger, signing in as `options`
 * say (`auth` or `getToken`); closed by {@link closeAllClients}.
 */
export function startClient(url: string, options: Partial<HugMoodClientOptions> & Pick<HugMoodClientOptions, 'auth' | 'getToken'>, name = 'sdk'): HugMoodClient {
  const client = HugMoodClient.connect({ url, backoff: { baseDelayMs: 100, maxDelayMs: 1000 }, requestTimeoutMs: 5000, logger: recordingLogger(`${name}@${url}`), ...options });
  open.push(client);
  return client;
}

/** An SDK client for `account`, using its current access token; closed by {@link closeAllClients}. */
export function sdkClient(url: string, account: Account, options: Partial<HugMoodClientOptions> = {}): HugMoodClient {
  return startClient(url, { ...(options.auth === undefined ? { getToken: () => account.tokens.accessToken } : {}), ...options }, account.username);
}

/** A connected SDK client. */
export async function connectedClient(url: string, account: Account, options: Partial<HugMoodClientOptions> = {}): Promise<HugMoodClient> {
  const client = sdkClient(url, account, options);
  await client.whenConnected(10_000);
  return client;
}

/** A bare socket.io-client socket (no SDK), for probing the protocol directly. */
export function rawSocket(
  url: string,
  auth: Record<string, unknown>,
  options: { wire?: WireFormat; extraHeaders?: Record<string, string> } = {},
): Socket {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    parser: parserFor(options.wire ?? 'msgpack'),
    auth: { v: PROTOCOL_VERSION, ...auth },
    ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
  });
  open.push({ close: () => socket.disconnect() });
  return socket;
}

/** Resolves with the socket's first `connect_error` data, or rejects if it connects. */
export function connectError(socket: Socket): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
    socket.once('connect_error', (error) => resolve(error as Error & { data?: unknown }));
  });
}

/** Resolves once the socket is connected. */
export function connected(socket: Socket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Closes every client and socket the helpers opened. */
export function closeAllClients(): void {
  for (const c of open.splice(0)) c.close();
}

/** Polls `check` until it returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Makes two accounts friends through their SDK clients. */
export async function befriend(a: HugMoodClient, b: HugMoodClient, bId: string, aId: string): Promise<void> {
  await a.friends.request(bId);
  await b.friends.accept(aId);
}

/** Two fresh friends (Ana at `anaUrl`, Ben at `benUrl`), each with a connected SDK client. */
export async function connectedFriends(anaUrl: string, benUrl: string = anaUrl): Promise<{ ana: Account; ben: Account; ca: HugMoodClient; cb: HugMoodClient }> {
  const ana = await register(anaUrl, 'ana');
  const ben = await register(benUrl, 'ben');
  const ca = await connectedClient(anaUrl, ana);
  const cb = await connectedClient(benUrl, ben);
  await befriend(ca, cb, ben.userId, ana.userId);
  return { ana, ben, ca, cb };
}

/** Sends a hug from `from` to `to` (whose client is `recipient`) and resolves with its id once `recipient` got it live. */
export async function deliveredHug(from: HugMoodClient, recipient: HugMoodClient, to: string): Promise<string> {
  const received: string[] = [];
  const off = recipient.hugs.on('received', (hug) => received.push(hug.id));
  try {
    const sent = await from.hugs.send(to, { kind: 'warm' });
    await eventually(() => received.includes(sent.hugId), 5000, 'the hug, received');
    return sent.hugId;
  } finally {
    off();
  }
}
