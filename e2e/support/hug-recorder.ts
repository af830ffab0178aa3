import type { HugMoodClient, ReceivedHug } from '../../client-sdk/src/index.js';
import type { HugRequest } from '../../protocol/schemas/hugs.js';
import type { HugRequestAnswer, ReadReceipt } from '../../protocol/schemas/inbox.js';
import type { HugDeliveredEvent, HugReadStateEvent } from '../../protocol/server-events.js';

/** Everything one SDK client's hugs API reported, in order. */
export interface HugRecording {
  readonly received: ReceivedHug[];
  readonly delivered: HugDeliveredEvent[];
  readonly read: ReadReceipt[];
  readonly readState: HugReadStateEvent[];
  readonly requests: HugRequest[];
  readonly answers: HugRequestAnswer[];
  /** Sender-side timeline of one hug: `delivered` then `read`, as reported. */
  readonly statusOf: (hugId: string) => string[];
}

/** Records every hugs event of `client` from now on. */
export function recordHugs(client: HugMoodClient): HugRecording {
  const log: { hugId: string; what: string }[] = [];
  const r: HugRecording = {
    received: [],
    delivered: [],
    read: [],
    readState: [],
    requests: [],
    answers: [],
    statusOf: (hugId) => log.filter((e) => e.hugId === hugId).map((e) => e.what),
  };
  client.hugs.on('received', (h) => r.received.push(h));
  client.hugs.on('delivered', (e) => {
    r.delivered.push(e);
    log.push({ hugId: e.hugId, what: 'delivered' });
  });
  client.hugs.on('read', (e) => {
    r.read.push(e);
    log.push({ hugId: e.hugId, what: 'read' });
  });
  client.hugs.on('read-state', (e) => r.readState.push(e));
  client.hugs.on('request', (e) => r.requests.push(e));
  client.hugs.on('request-answered', (e) => r.answers.push(e));
  return r;
}
