import { CommandError } from '../../domain/command-error.js';
import type { ProtocolError } from '../../protocol/errors.js';
import type { OwnerCommand, OwnerReply } from './owner-reply.js';

/** A command on its way to a group hug's owner, with the id that makes a redelivery run once. */
export interface ForwardedCommand {
  readonly commandId: string;
  readonly command: OwnerCommand;
}

/** One forwarded command's outcome: the owner's reply, or its refusal. */
export type ForwardedOutcome = { readonly ok: OwnerReply } | { readonly error: ProtocolError };

/** Sends one group hug's gathered commands to its owner; answers each, in order. */
export type CommandSender = (groupId: string, commands: ForwardedCommand[]) => Promise<ForwardedOutcome[]>;

interface Waiting {
  readonly item: ForwardedCommand;
  resolve(reply: OwnerReply): void;
  reject(error: unknown): void;
}

/**
 * Gathers the commands this node forwards to one group hug's owner within one event-loop turn and
 * sends them as one message: a burst of joins costs the owner one request per node per turn, and
 * lands in one batch of its actor. Each command still gets its own answer or refusal.
 */
export class CommandBatcher {
  private readonly open = new Map<string, Waiting[]>();

  constructor(private readonly send: CommandSender) {}

  /** Forwards `item` with the others of this turn; resolves with its reply, rejects with its refusal. */
  add(groupId: string, item: ForwardedCommand): Promise<OwnerReply> {
    let waiting = this.open.get(groupId);
    if (!waiting) {
      const gathered: Waiting[] = [];
      waiting = gathered;
      this.open.set(groupId, gathered);
      setImmediate(() => {
        this.open.delete(groupId);
        void this.flush(groupId, gathered);
      });
    }
    const into = waiting;
    return new Promise<OwnerReply>((resolve, reject) => into.push({ item, resolve, reject }));
  }

  private async flush(groupId: string, gathered: readonly Waiting[]): Promise<void> {
    try {
      const outcomes = await this.send(
        groupId,
        gathered.map((w) => w.item),
      );
      gathered.forEach((w, i) => {
        const outcome = outcomes[i];
        if (!outcome) w.reject(new CommandError('internal', `the owner of group hug ${groupId} answered ${outcomes.length} of ${gathered.length} commands`));
        else if ('ok' in outcome) w.resolve(outcome.ok);
        else w.reject(CommandError.fromProtocol(outcome.error));
      });
    } catch (error) {
      for (const w of gathered) w.reject(error);
    }
  }
}
