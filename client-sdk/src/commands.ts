import type { Ack } from '../../protocol/ack.js';
import type { CommandInput, CommandName, CommandResults } from '../../protocol/command-map.js';
import type { Connection } from './connection/connection.js';
import { errorFromProtocol, InternalError, TimeoutError } from './errors.js';

interface UntypedEmitter {
  emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
}

function isAck(value: unknown): value is Ack<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Sends typed commands and turns acks into results or typed errors. */
export class Commands {
  constructor(
    private readonly connection: Connection,
    private readonly defaultTimeoutMs: number,
  ) {}

  /**
   * Sends command `name` once connected, and resolves with its result. Waits for the connection
   * within the same time budget; rejects with a typed error (`TimeoutError` when no answer came).
   */
  async send<N extends CommandName>(name: N, payload: CommandInput<N>, timeoutMs = this.defaultTimeoutMs): Promise<CommandResults[N]> {
    const deadline = Date.now() + timeoutMs;
    await this.connection.whenConnected(timeoutMs);
    const remaining = Math.max(1, deadline - Date.now());
    let response: unknown;
    try {
      response = await (this.connection.socket.timeout(remaining) as unknown as UntypedEmitter).emitWithAck(name, payload);
    } catch {
      throw new TimeoutError('timeout', `${name}: no answer within ${timeoutMs} ms`);
    }
    if (!isAck(response)) throw new InternalError('internal', `${name}: the server sent a malformed answer`);
    if (!response.ok) throw errorFromProtocol(response.error);
    return response.data as CommandResults[N];
  }
}
