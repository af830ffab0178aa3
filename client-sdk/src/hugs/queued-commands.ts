import type { CommandInput, CommandName, CommandResults } from '../../../protocol/command-map.js';
import type { Commands } from '../commands.js';
import type { StoredSend } from '../storage/persisted-state.js';
import type { Outbox } from './outbox.js';

/** The commands that go through the outbox: idempotent (a `clientId`, or by nature), so safe to send again. */
const QUEUED = ['hug:send', 'hug:request', 'hug:request:answer', 'hug:ack', 'mood:record'] as const satisfies readonly CommandName[];

/** A command the outbox carries. */
export type QueuedCommandName = (typeof QUEUED)[number];

function isQueued(name: string): name is QueuedCommandName {
  return (QUEUED as readonly string[]).includes(name);
}

/**
 * Sends commands through the {@link Outbox}: retried and queued while offline, in order, and kept
 * as data so that a restarted app sends what it had left with the same idempotency keys.
 */
export class QueuedCommands {
  constructor(
    private readonly outbox: Outbox,
    private readonly commands: Commands,
  ) {}

  send<N extends QueuedCommandName>(name: N, payload: CommandInput<N>): Promise<CommandResults[N]> {
    return this.outbox.run(() => this.commands.send(name, payload), { name, payload });
  }

  /**
   * Sends again what a previous start left waiting, ahead of anything sent since. Sends of
   * commands this SDK does not queue (stored by another version) are dropped. Answers the sends
   * that failed, once all have settled.
   */
  async resume(stored: readonly StoredSend[]): Promise<{ readonly name: string; readonly error: unknown }[]> {
    const known = stored.filter((s) => isQueued(s.name));
    // The payload is checked by the server's schema, as every payload is.
    const promises = this.outbox.resume(known, (send) => this.commands.send(send.name as QueuedCommandName, send.payload as CommandInput<QueuedCommandName>));
    const outcomes = await Promise.allSettled(promises);
    return outcomes.flatMap((outcome, i) => (outcome.status === 'rejected' ? [{ name: known[i]?.name ?? '?', error: outcome.reason as unknown }] : []));
  }
}
