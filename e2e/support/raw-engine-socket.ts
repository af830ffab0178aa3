import { type Packet, PacketType } from 'socket.io-parser';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { parserFor, type WireFormat } from '../../protocol/wire/wire-format.js';

/**
 * A WebSocket speaking Engine.IO v4 by hand, so tests can send frames no well-behaved client
 * would: reserved event names, garbage bytes, oversized frames.
 */
export class RawEngineSocket {
  private readonly ws: WebSocket;
  private readonly encoder: { encode(packet: Packet): unknown[] };
  readonly received: unknown[] = [];
  /** Socket.IO packets the server sent, decoded with the wire's own decoder. */
  readonly packets: Packet[] = [];
  readonly closed: Promise<{ code: number }>;
  private readonly opened: Promise<void>;
  /** Called on every packet the server sends: waiters in {@link packet}. */
  private readonly onPacket = new Set<() => void>();

  constructor(url: string, private readonly wire: WireFormat) {
    const Parser = parserFor(wire);
    this.encoder = new Parser.Encoder();
    const decoder = new Parser.Decoder();
    decoder.on('decoded', (packet: Packet) => {
      this.packets.push(packet);
      for (const wake of [...this.onPacket]) wake();
    });
    this.ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    this.ws.on('message', (data, isBinary) => {
      const text = isBinary ? null : (data as Buffer).toString();
      // Answer Engine.IO pings so the server keeps us.
      if (text === '2') this.ws.send('3');
      this.received.push(isBinary ? data : text);
      // Engine.IO message frames: binary ones are whole packets, text ones start with "4".
      try {
        if (isBinary) decoder.add(data);
        else if (text?.startsWith('4')) decoder.add(text.slice(1));
      } catch {
        // A test that sends garbage may get garbage back; `received` keeps the raw frames.
      }
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code) => resolve({ code })));
  }

  /** Opens the Socket.IO session on namespace `/` with `token`, and waits for the CONNECT answer. */
  async connect(token: string): Promise<void> {
    await this.opened;
    this.sendPacket({ type: PacketType.CONNECT, nsp: '/', data: { token, v: PROTOCOL_VERSION } });
    const deadline = Date.now() + 5000;
    while (!this.received.some((m) => (typeof m === 'string' ? m.startsWith('40') : Buffer.isBuffer(m)))) {
      if (Date.now() > deadline) throw new Error(`no CONNECT answer: ${JSON.stringify(this.received)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Encodes `packet` with the wire's encoder and sends it as Engine.IO message(s). */
  sendPacket(packet: Packet): void {
    for (const frame of this.encoder.encode(packet)) {
      if (typeof frame === 'string') this.ws.send(`4${frame}`);
      else this.ws.send(frame as Uint8Array);
    }
  }

  /** Resolves with the first packet (already received or still to come) that `matches`. */
  packet(matches: (packet: Packet) => boolean, timeoutMs = 5000): Promise<Packet> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.packets.find(matches);
        if (!found) return;
        clearTimeout(timer);
        this.onPacket.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.onPacket.delete(check);
        reject(new Error(`no matching packet within ${timeoutMs} ms: ${JSON.stringify(this.packets)} ${JSON.stringify(this.received)}`));
      }, timeoutMs);
      this.onPacket.add(check);
      check();
    });
  }

  /** Sends a CONNECT for namespace `/` with `auth` (the protocol version is added) without waiting. */
  async sendConnect(auth: Record<string, unknown>, nsp = '/'): Promise<void> {
    await this.opened;
    this.sendPacket({ type: PacketType.CONNECT, nsp, data: { v: PROTOCOL_VERSION, ...auth } });
  }

  /** Whether the server has closed the connection. */
  get isClosed(): boolean {
    return this.ws.readyState === WebSocket.CLOSED || this.ws.readyState === WebSocket.CLOSING;
  }

  /** Sends raw bytes as one binary frame. */
  sendBinary(bytes: Uint8Array): void {
    this.ws.send(bytes);
  }

  /** Sends a raw text frame. */
  sendText(text: string): void {
    this.ws.send(text);
  }

  /** Waits for the WebSocket to open. */
  async open(): Promise<void> {
    await this.opened;
  }

  close(): void {
    this.ws.close();
  }

  get wireFormat(): WireFormat {
    return this.wire;
  }
}
