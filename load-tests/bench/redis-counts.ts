import { Redis } from 'ioredis';
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
 * Counts every command Redis runs while `during` runs, through `MONITOR` (which marks commands run
 * by scripts as coming from `lua`). MONITOR slows Redis down, so this runs in a window of its
 * own, never in a timed step.
 */
export async function countCommands<T>(url: string, during: () => Promise<T>): Promise<{ counts: RedisCommandCounts; result: T }> {
  const sent: Record<string, number> = {};
  const inScripts: Record<string, number> = {};
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  const monitor = await client.monitor();
  monitor.on('monitor', (_time: string, args: readonly string[], source: string) => {
    const command = (args[0] ?? '?').toLowerCase();
    const name = command === 'evalsha' ? `evalsha ${scriptNameOf(args[1] ?? '') ?? (args[1] ?? '').slice(0, 8)}` : command;
    const into = source === 'lua' ? inScripts : sent;
    into[name] = (into[name] ?? 0) + 1;
  });
  try {
    const result = await during();
    // MONITOR lines arrive a little after their commands ran.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { counts: { sent, inScripts }, result };
  } finally {
    monitor.disconnect();
    client.disconnect();
  }
}

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
