import type { CommandName, CommandPayload, CommandResults } from '../../protocol/commands.js';
import type { DeviceConnection } from '../../rooms/presence/presence-tracker.js';
import type { Watcher } from '../../rooms/presence/presence-watch.js';
import type { HugSocket } from './socket-types.js';

/** Who sent a command, on which connection. */
export interface CommandContext {
  readonly socket: HugSocket;
  readonly userId: string;
  readonly conn: DeviceConnection;
  readonly watcher: Watcher;
}

/** Handles one validated command; throws `CommandError` to refuse. */
export type CommandHandler<N extends CommandName> = (ctx: CommandContext, payload: CommandPayload<N>) => Promise<CommandResults[N]>;

/** A handler for every command: the compiler checks none is missing and each returns its result type. */
export type CommandHandlers = { readonly [N in CommandName]: CommandHandler<N> };
