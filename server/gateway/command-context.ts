import type { CommandName, CommandPayload, CommandResults } from '../../protocol/commands.js';
import type { DeviceConnection } from '../../rooms/presence/presence-tracker.js';
import type { Watcher } from '../../rooms/presence/presence-watch.js';
import type { StepCharge } from '../../rooms/command-steps/command-step.js';
import type { HugSocket } from './socket-types.js';

/** Who sent a command, on which connection. */
export interface CommandContext {
  readonly socket: HugSocket;
  readonly userId: string;
  readonly conn: DeviceConnection;
  readonly watcher: Watcher;
  /**
   * The user's shared command bucket, when the dispatcher left it to the handler: the handler
   * spends it in its first command step (one Redis call for both).
   */
  readonly userCharge?: StepCharge | null;
}

/** Handles one validated command; throws `CommandError` to refuse. */
export type CommandHandler<N extends CommandName> = (ctx: CommandContext, payload: CommandPayload<N>) => Promise<CommandResults[N]>;

/** A handler for every command: the compiler checks none is missing and each returns its result type. */
export type CommandHandlers = { readonly [N in CommandName]: CommandHandler<N> };
