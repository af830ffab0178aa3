import { performance } from 'node:perf_hooks';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { parserFor, WIRE_FORMATS, type WireFormat } from '../../protocol/wire/wire-format.js';
import { connectRedisTarget, type RedisTarget } from '../../persistence/redis/redis-client.js';
import { SETTINGS } from '../../server/config/settings.js';
import { redisAdapter } from '../../server/infrastructure/socket-adapter.js';
import { loadNativeUws } from '../../server/transport/native-uws.js';

// The bench's baseline: a plain Socket.IO server that only relays. Each socket joins the room of
// the user it names in `auth.userId` (no token check, no presence, no store); `hug:send` is emitted
// as `hug:received` to the recipient's room and acknowledged; `hug:ack` is acknowledged; `mood:record`
// is emitted as `mood:friend-update` to the author's mood room, which `mood:friends` joins. Same
// transport (uWS through attachApp, or Node http + ws) and wire format as the server under test.
// With REDIS_URL (or REDIS_CLUSTER_NODES) it joins the other baseline nodes through the same Redis
// adapter as ours (REDIS_ADAPTER sharded | classic), so the cross-node scenario compares like with like.

const port = Number(process.env['PORT'] ?? 0);
const transport = process.env['TRANSPORT'] === 'node' ? 'node' : 'uws';
const wire: WireFormat = (WIRE_FORMATS as readonly string[]).includes(process.env['WIRE'] ?? '') ? (process.env['WIRE'] as WireFormat) : 'msgpack';

type Ack = (response: unknown) => void;
interface Payload {
  readonly to?: unknown;
  readonly clientId?: unknown;
  readonly hugIds?: unknown;
}

const io = new Server({ parser: parserFor(wire), transports: ['websocket'], serveClient: false });
const clusterSeeds = SETTINGS.REDIS_CLUSTER_NODES.schema.parse(process.env['REDIS_CLUSTER_NODES'] || undefined);
const redisUrl = process.env['REDIS_URL'];
const target: RedisTarget | null = clusterSeeds ? { clusterSeeds } : redisUrl ? { url: redisUrl } : null;
if (target) {
  const pub = await connectRedisTarget(target, { name: 'baseline:pub' });
  const sub = await connectRedisTarget(target, { name: 'baseline:sub', failFast: false, shardedSubscribers: true });
  io.adapter(redisAdapter(process.env['REDIS_ADAPTER'] === 'classic' ? 'classic' : 'sharded', pub, sub, 'hm:sio'));
}
io.on('connection', (socket: Socket) => {
  const auth = socket.handshake.auth as { userId?: unknown };
  if (typeof auth.userId === 'string') void socket.join(`user:${auth.userId}`);
  socket.on('hug:send', (payload: Payload, ack?: Ack) => {
    const at = Date.now();
    const id = String(payload.clientId);
    io.to(`user:${String(payload.to)}`).emit('hug:received', { type: 'hug', cursor: 0, id, createdAt: at, hug: payload, at });
    ack?.({ ok: true, data: { hugId: id, delivered: true } });
  });
  socket.on('hug:ack', (payload: Payload, ack?: Ack) => ack?.({ ok: true, data: { acknowledged: payload.hugIds } }));
  // The group scenario: a join is a room join, a squeeze only an ack.
  socket.on('group:join', (payload: { groupId?: unknown }, ack?: Ack) => {
    void socket.join(`group:${String(payload.groupId)}`);
    ack?.({ ok: true, data: { id: payload.groupId } });
  });
  socket.on('group:squeeze', (_payload: unknown, ack?: Ack) => ack?.({ ok: true, data: { accepted: true } }));
  // The moods scenario: listening is joining each friend's mood room; a record is one emit of the
  // same event, shaped as ours sends it, to the author's room.
  socket.on('mood:friends', (payload: { friendIds?: unknown }, ack?: Ack) => {
    const friendIds = Array.isArray(payload.friendIds) ? payload.friendIds.map(String) : [];
    void socket.join(friendIds.map((id) => `mood:${id}`));
    ack?.({ ok: true, data: { friends: [], at: Date.now() } });
  });
  socket.on('mood:record', (payload: { mood?: unknown; intensity?: unknown; note?: unknown; timeZone?: unknown; clientId?: unknown }, ack?: Ack) => {
    const at = Date.now();
    const userId = String(auth.userId);
    const id = String(payload.clientId);
    const entry = { id, userId, mood: payload.mood, intensity: payload.intensity, valence: 0.5, arousal: 0.15, note: payload.note, tags: [], visibility: 'friends', timeZone: payload.timeZone, localDate: new Date(at).toISOString().slice(0, 10), recordedAt: at, updatedAt: null };
    io.to(`mood:${userId}`).emit('mood:friend-update', { userId, entry, streak: { current: 1, longest: 1, lastDate: entry.localDate }, at });
    ack?.({ ok: true, data: { moodId: id, recordedAt: at, localDate: entry.localDate, streak: { current: 1, longest: 1, lastDate: entry.localDate }, milestone: null } });
  });
});

// One baseline node (PULSE_GROUP set) broadcasts a pulse to the group's room at 10 Hz, as our
// actor does: the same event, the same room, the same adapter.
const pulseGroup = process.env['PULSE_GROUP'];
if (pulseGroup) {
  setInterval(() => {
    const t = Date.now();
    io.to(`group:${pulseGroup}`).emit('group:pulse', { groupId: pulseGroup, warmth: 0.5, participantsSqueezing: 100, t, at: t });
  }, 100);
}

function metricsText(): string {
  const m = process.memoryUsage();
  const elu = performance.eventLoopUtilization();
  return [
    `process_resident_memory_bytes ${m.rss}`,
    `nodejs_heap_size_used_bytes ${m.heapUsed}`,
    `hugmood_event_loop_seconds{state="active"} ${elu.active / 1000}`,
    `hugmood_event_loop_seconds{state="idle"} ${elu.idle / 1000}`,
    '',
  ].join('\n');
}

function listening(actual: number): void {
  process.stdout.write(`${JSON.stringify({ event: 'listening', port: actual, transport })}\n`);
}

if (transport === 'uws') {
  const native = loadNativeUws();
  if (!native.ok) throw new Error(`uWebSockets.js native binary not available: ${native.reason}`);
  const app = native.module.App();
  io.attachApp(app);
  app.get('/metrics', (res) => {
    res.end(metricsText());
  });
  app.listen('127.0.0.1', port, (socket) => {
    if (!socket) throw new Error(`baseline could not listen on ${port}`);
    listening(native.module.us_socket_local_port(socket));
  });
  process.once('SIGTERM', () => {
    void io.close();
    (app as typeof app & { close(): void }).close();
    process.exit(0);
  });
} else {
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/metrics') res.end(metricsText());
    else res.writeHead(404).end();
  });
  io.attach(http);
  http.listen(port, '127.0.0.1', () => {
    const address = http.address();
    listening(typeof address === 'object' && address ? address.port : port);
  });
  process.once('SIGTERM', () => {
    void io.close();
    process.exit(0);
  });
}
