import { connect, type Socket } from 'node:net';
import { scriptNameOf } from '../../persistence/redis/redis-script.js';
// Defines every script the server runs, so `EVALSHA` calls are counted by script name.
import '../../server/infrastructure/cluster-infrastructure.js';

/** Commands Redis ran, by name: as clients sent them (round trips) and from inside scripts. */
export interface RedisCommandCounts {
  /** Commands clients sent (one round trip each; a script call counts once here). */
  readonly sent: Readonly<Record<string, number>>;
  /** Commands scripts ran inside their calls. */
  readonly inScripts: Readonly<Record<string, number>>;
}

/** Per hug: commands sent (round trips), commands run in all (scripts' inner calls included), by name. */
export interface PerHugCounts {
  readonly hugs: number;
  readonly roundTrips: number;
  readonly commands: number;
  /** Sent commands per hug by name, largest first, idle background taken off. */
  readonly sentByName: Readonly<Record<string, number>>;
  readonly inScriptsByName: Readonly<Record<string, number>>;
}

/**
 * Counts every command Redis runs in the next `ms` milliseconds, through `MONITOR` (which marks
 * commands run by scripts as coming from `lua`). MONITOR slows Redis down, so this runs in a window
 * of its own, never in a timed step. Only commands whose MONITOR time falls in the window count
 * (lines arrive a little after their commands ran). The lines are read from a plain socket: a
 * client library's MONITOR parser can trip over binary arguments (msgpack payloads of the
 * adapter's SPUBLISH).
 */
export async function countCommands(urls: readonly string[], ms: number): Promise<{ counts: RedisCommandCounts; windowMs: number }> {
  const sent: Record<string, number> = {};
  const inScripts: Record<string, number> = {};
  const window = { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
  // One MONITOR per server (each master of a Redis Cluster): the counts add up.
  const sockets = await Promise.all(urls.map((url) => monitor(url, window, sent, inScripts)));
  try {
    window.from = Date.now();
    await sleep(ms);
    window.to = Date.now();
    await sleep(200);
    return { counts: { sent, inScripts }, windowMs: window.to - window.from };
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}

/** Opens a MONITOR on `url` that counts into `sent` and `inScripts`. */
async function monitor(url: string, window: { readonly from: number; readonly to: number }, sent: Record<string, number>, inScripts: Record<string, number>): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffered = '';
  socket.setEncoding('latin1').on('data', (chunk: string) => {
    buffered += chunk;
    let end = buffered.indexOf('\r\n');
    while (end >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const parsed = parseMonitorLine(line);
      if (parsed && parsed.atMs >= window.from && parsed.atMs <= window.to) {
        const name = parsed.command === 'evalsha' ? `evalsha ${scriptNameOf(parsed.second) ?? parsed.second.slice(0, 8)}` : parsed.command;
        const into = parsed.fromScript ? inScripts : sent;
        into[name] = (into[name] ?? 0) + 1;
      }
      end = buffered.indexOf('\r\n');
    }
  });
  socket.write('MONITOR\r\n');
  return socket;
}

/**
 * One MONITOR line, `+<time> [<db> <client address | lua>] "<command>" "<arg>" …`: the command
 * (lower case), its first argument, whether a script ran it, and when (Unix ms). Null for anything
 * else (`+OK`).
 */
export function parseMonitorLine(line: string): { command: string; second: string; fromScript: boolean; atMs: number } | null {
  const open = line.indexOf(' [');
  const close = line.indexOf('] ', open);
  if (!line.startsWith('+') || open < 0 || close < 0) return null;
  const source = line.slice(open + 2, close).split(' ')[1] ?? '';
  const args: string[] = [];
  let i = close + 2;
  while (args.length < 2 && i < line.length) {
    if (line[i] !== '"') break;
    let value = '';
    i += 1;
    while (i < line.length && line[i] !== '"') {
      // Escapes (\", \\, \xNN…) are kept as they are: only the quotes matter here.
      if (line[i] === '\\') {
        value += line.slice(i, i + 2);
        i += 2;
      } else {
        value += line[i];
        i += 1;
      }
    }
    args.push(value);
    i += 2;
  }
  const command = args[0]?.toLowerCase();
  return command ? { command, second: args[1] ?? '', fromScript: source === 'lua', atMs: Number(line.slice(1, open)) * 1000 } : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `busy` minus `idle` scaled to the same length, divided by `hugs`. */
export function perHug(busy: RedisCommandCounts, idle: RedisCommandCounts, idleScale: number, hugs: number): PerHugCounts {
  const net = (b: Readonly<Record<string, number>>, i: Readonly<Record<string, number>>) => {
    const out: Record<string, number> = {};
    for (const [name, n] of Object.entries(b)) {
      const value = (n - (i[name] ?? 0) * idleScale) / Math.max(1, hugs);
      if (value >= 0.005) out[name] = Math.round(value * 100) / 100;
    }
    return Object.fromEntries(Object.entries(out).sort((x, y) => y[1] - x[1]));
  };
  const sentByName = net(busy.sent, idle.sent);
  const inScriptsByName = net(busy.inScripts, idle.inScripts);
  const sum = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);
  const roundTrips = Math.round(sum(sentByName) * 100) / 100;
  return { hugs, roundTrips, commands: Math.round((roundTrips + sum(inScriptsByName)) * 100) / 100, sentByName, inScriptsByName };
}
