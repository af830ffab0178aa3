import type { DeadLetter, WriteQueue } from '../../persistence/write-behind/write-queue.js';

/** Where the command writes: lines for people (or JSON for scripts). */
export interface DlqOutput {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: npm run dlq -- <command>
  list [--json] [--limit N]   show dead letters, oldest first
  replay <id...> | --all      move dead letters back into the write queue (the running server applies them)
  drop <id...> | --all        delete dead letters for good`;

function table(letters: readonly DeadLetter[]): string[] {
  if (letters.length === 0) return ['no dead letters'];
  return letters.map(
    (d) => `#${d.id}  ${new Date(d.failedAt).toISOString()}  attempts=${d.attempts}  ${d.key}  ${d.opId}\n    error: ${d.error}`,
  );
}

function targets(args: readonly string[]): readonly string[] | undefined | Error {
  if (args.length === 1 && args[0] === '--all') return undefined;
  if (args.length === 0) return new Error('name the dead letters (ids from `list`) or pass --all');
  // SQLite letters have numeric ids, BullMQ ones `jobId.index`.
  const bad = args.find((a) => !/^[A-Za-z0-9._-]{1,100}$/.test(a));
  return bad === undefined ? args : new Error(`not a dead-letter id: ${bad}`);
}

/**
 * The operator's dead-letter command on any {@link WriteQueue}. Resolves with the exit code:
 * 0 done, 1 nothing matched, 2 bad usage.
 */
export async function runDlqCommand(args: readonly string[], queue: WriteQueue, io: DlqOutput): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'list': {
      const json = rest.includes('--json');
      const limitAt = rest.indexOf('--limit');
      const limit = limitAt >= 0 ? Number(rest[limitAt + 1]) : 1000;
      if (!Number.isInteger(limit) || limit < 1) {
        io.err('--limit takes a positive integer');
        return 2;
      }
      const letters = await queue.deadLetters(limit);
      if (json) io.out(JSON.stringify(letters));
      else for (const line of table(letters)) io.out(line);
      return 0;
    }
    case 'replay':
    case 'drop': {
      const ids = targets(rest);
      if (ids instanceof Error) {
        io.err(ids.message);
        io.err(USAGE);
        return 2;
      }
      const n = command === 'replay' ? await queue.replayDeadLetters(ids) : await queue.dropDeadLetters(ids);
      io.out(`${command === 'replay' ? 'replayed' : 'dropped'} ${n} dead letter${n === 1 ? '' : 's'}`);
      return n === 0 && ids !== undefined ? 1 : 0;
    }
    default:
      io.err(command === undefined ? USAGE : `unknown command ${JSON.stringify(command)}\n${USAGE}`);
      return 2;
  }
}
