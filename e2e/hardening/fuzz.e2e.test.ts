import { readFileSync } from 'node:fs';
import { type Packet, PacketType } from 'socket.io-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { parserFor, type WireFormat } from '../../protocol/wire/wire-format.js';
import { type Account, register } from '../support/accounts.js';
import { closeAllClients, connectedClient } from '../support/clients.js';
import { seeded } from '../../test-support/seeded-random.js';
import { type Frame, FrameFuzzer } from '../support/fuzz-frames.js';
import { type ServerProcess, startServer } from '../support/server-process.js';

/** Frames per wire that reach the server: well-formed events with random contents, and hostile frames. */
const EVENTS = 15_000;
const HOSTILE = 5_000;
const FRAMES = EVENTS + HOSTILE;
/** And the loop stops after this long, whatever it reached (the assertion then fails). */
const BUDGET_MS = 90_000;
/** Well-formed random events an authenticated connection sends before its probe. */
const EVENTS_PER_CONNECTION = 50;
/** Mutated or junk frames it sends after the probe; the first that breaks the parser ends it. */
const HOSTILE_PER_CONNECTION = 5;
const PROBE_ID = 999_999;
/** The server's resident memory may grow by at most this much over the whole run. */
const RSS_GROWTH_BOUND = 200 * 1024 * 1024;

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261130);

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/** One raw Engine.IO connection: sends frames, reads packets, tells when it closes. */
class FuzzConnection {
  readonly ws: WebSocket;
  readonly packets: Packet[] = [];
  closed = false;
  private readonly opened: Promise<boolean>;
  private readonly waiters = new Set<() => void>();

  constructor(url: string, wire: WireFormat) {
    this.ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const decoder = new (parserFor(wire).Decoder)();
    decoder.on('decoded', (packet: Packet) => this.packets.push(packet));
    this.ws.on('message', (data, isBinary) => {
      try {
        if (isBinary) decoder.add(data);
        else {
          const text = (data as Buffer).toString();
          if (text === '2') this.ws.send('3');
          else if (text.startsWith('4')) decoder.add(text.slice(1));
        }
      } catch {
        // Only frames the server sent are decoded here; they are well formed.
      }
      this.wake();
    });
    this.ws.on('error', () => undefined);
    this.ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
    this.opened = new Promise((resolve) => {
      this.ws.once('open', () => resolve(true));
      this.ws.once('close', () => resolve(false));
    });
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter();
  }

  open(): Promise<boolean> {
    return this.opened;
  }

  send(frame: Frame): boolean {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(frame);
    return true;
  }

  /** Resolves once `done()` holds, the connection closes, or `ms` pass. */
  until(done: () => boolean, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        if (!done() && !this.closed) return;
        clearTimeout(timer);
        this.waiters.delete(finish);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(finish);
        resolve();
      }, ms);
      this.waiters.add(finish);
      finish();
    });
  }

  close(): void {
    this.ws.terminate();
  }
}

/**
 * Mutated and random frames, seeded (FUZZ_SEED replays a run) and bounded in count and time,
 * against a real server process on each wire: it stays up, logs no unexpected error, answers a
 * canary client at the end, and its memory stays bounded.
 */
describe.each(['msgpack', 'json'] as const)('fuzzing the %s wire', (wire) => {
  let server: ServerProcess;
  let account: Account;
  beforeAll(async () => {
    server = await startServer({
      single: true,
      env: { WIRE: wire, RATE_CONN_BURST: '100000', RATE_CONN_PER_S: '100000', RATE_USER_BURST: '100000', RATE_USER_PER_S: '100000', RATE_KICK_REFUSALS: '1000000' },
    });
    account = await register(server.url, 'fuzz');
  });
  afterAll(async () => {
    closeAllClients();
    await server.stop();
  });

  it(`survives ${FRAMES.toLocaleString('en')} mutated and random frames`, async () => {
    const random = seeded(SEED + (wire === 'json' ? 1 : 0));
    const fuzz = new FrameFuzzer(wire, random);
    const started = Date.now();
    const rssBefore = rssOf(server.pid);
    // Counted only once the server surely read them: events before an answered probe, hostile
    // frames when a later probe is answered or (for the one that broke it) when the server closes.
    const reached = { events: 0, hostile: 0 };
    let connections = 0;
    let answered = 0;
    let closedByServer = 0;
    const probe = async (conn: FuzzConnection, id: number): Promise<boolean> => {
      if (!conn.send(fuzz.encode({ type: PacketType.EVENT, nsp: '/', data: ['privacy:get', {}], id }))) return false;
      await conn.until(() => conn.packets.some((p) => p.type === PacketType.ACK && p.id === id), 3000);
      return conn.packets.some((p) => p.type === PacketType.ACK && p.id === id);
    };
    while ((reached.events < EVENTS || reached.hostile < HOSTILE) && Date.now() - started < BUDGET_MS) {
      const conn = new FuzzConnection(server.url, wire);
      connections += 1;
      if (!(await conn.open())) continue;
      if (reached.events >= EVENTS || random() < 0.6) {
        // Before any handshake: one hostile frame (a mutated CONNECT, junk) on a fresh connection.
        if (conn.send(fuzz.hostile())) reached.hostile += 1;
        await conn.until(() => false, 20);
        if (conn.closed) closedByServer += 1;
        conn.close();
        continue;
      }
      conn.send(fuzz.encode({ type: PacketType.CONNECT, nsp: '/', data: { token: account.tokens.accessToken, v: PROTOCOL_VERSION } }));
      await conn.until(() => conn.packets.some((p) => p.type === PacketType.CONNECT || p.type === PacketType.CONNECT_ERROR), 2000);
      let events = 0;
      for (let i = 0; i < EVENTS_PER_CONNECTION && conn.send(fuzz.encode(fuzz.event())); i += 1) events += 1;
      if (await probe(conn, PROBE_ID)) {
        answered += 1;
        reached.events += events;
      }
      let hostile = 0;
      for (let i = 0; i < HOSTILE_PER_CONNECTION && conn.send(fuzz.hostile()); i += 1) hostile += 1;
      if (await probe(conn, PROBE_ID + 1)) reached.hostile += hostile;
      else if (conn.closed) {
        closedByServer += 1;
        reached.hostile += 1;
      }
      conn.close();
    }
    const sent = reached.events + reached.hostile;
    const elapsed = Date.now() - started;
    const rssAfter = rssOf(server.pid);
    console.info(`fuzz ${wire}:`, { seed: SEED, ...reached, connections, probesAnswered: answered, closedByServer, elapsedMs: elapsed, rssBeforeMb: Math.round(rssBefore / 2 ** 20), rssAfterMb: Math.round(rssAfter / 2 ** 20) });

    expect(reached.events).toBeGreaterThanOrEqual(EVENTS);
    expect(reached.hostile).toBeGreaterThanOrEqual(HOSTILE);
    expect(sent).toBeGreaterThanOrEqual(FRAMES);
    expect(answered).toBeGreaterThan(0);
    // Still up, still serving: HTTP and a canary SDK client.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const canary = await connectedClient(server.url, account, { wire });
    await expect(canary.privacy.get()).resolves.toMatchObject({ allowHugsFrom: expect.any(String) });
    expect(rssAfter - rssBefore).toBeLessThan(RSS_GROWTH_BOUND);
    // Nothing the fuzzer sent made the server fail unexpectedly (an `internal` answer logs at error level).
    const failures = server.logs.filter((l) => (l.level ?? 0) >= 50);
    expect(failures.map((l) => l.msg)).toEqual([]);
    expect(server.stderr.join('')).toBe('');
  }, BUDGET_MS + 60_000);
});
