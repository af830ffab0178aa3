import type { HugMoodClient } from '../../client-sdk/src/index.js';

/** A stream of hug sends in flight, and what was acknowledged so far. */
export interface HugStream {
  /** Hug ids in the order their acks arrived. */
  readonly acked: string[];
  /** Resolves when every send was acknowledged (the SDK retries across reconnects). */
  readonly finished: Promise<void>;
}

/** Sends `total` hugs from `client` to `to`, `inFlight` at a time, each with its own `clientId`. */
export function startHugStream(client: HugMoodClient, to: string, options: { total: number; inFlight: number; clientIdPrefix: string }): HugStream {
  const acked: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < options.total) {
      const i = next++;
      const result = await client.hugs.send(to, { kind: 'warm', message: `hug ${i}`, clientId: `${options.clientIdPrefix}-${i}` });
      acked.push(result.hugId);
    }
  };
  const finished = Promise.all(Array.from({ length: options.inFlight }, lane)).then(() => undefined);
  return { acked, finished };
}
