import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** The fake Slack's Socket Mode side: a minimal WebSocket server (hello, envelopes, acks, ping/pong, close). */

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export function wsFrame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : Buffer.alloc(4);
  if (len >= 126 && len < 65_536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else if (len >= 65_536) {
    const big = Buffer.alloc(10);
    big[0] = 0x80 | opcode;
    big[1] = 127;
    big.writeBigUInt64BE(BigInt(len), 2);
    return Buffer.concat([big, payload]);
  }
  return Buffer.concat([head, payload]);
}

/** Reads complete client frames (always masked) from the front of buf. */
function wsFrames(buf: Buffer): { frames: Array<{ opcode: number; payload: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let at = 0;
  for (;;) {
    if (buf.length - at < 2) break;
    const opcode = buf[at]! & 0x0f;
    const masked = (buf[at + 1]! & 0x80) !== 0;
    let len = buf[at + 1]! & 0x7f;
    let offset = at + 2;
    if (len === 126) {
      if (buf.length < offset + 2) break;
      len = buf.readUInt16BE(offset);
      offset += 2;
    } else if (len === 127) {
      if (buf.length < offset + 8) break;
      len = Number(buf.readBigUInt64BE(offset));
      offset += 8;
    }
    const maskAt = offset;
    if (masked) offset += 4;
    if (buf.length < offset + len) break;
    const payload = Buffer.from(buf.subarray(offset, offset + len));
    if (masked) for (let i = 0; i < len; i++) payload[i]! ^= buf[maskAt + (i % 4)]!;
    frames.push({ opcode, payload });
    at = offset + len;
  }
  return { frames, rest: buf.subarray(at) };
}

/** Accepts a Socket Mode connection on /socket: says hello, records acks, answers pings. */
export function acceptSocket(req: IncomingMessage, socket: Duplex, o: { sockets: Set<Duplex>; acks: string[]; notify: () => void }): void {
  const { sockets, acks, notify } = o;
  const key = req.headers['sec-websocket-key'];
  if (!(req.url ?? '').startsWith('/socket') || typeof key !== 'string') {
    socket.destroy();
    return;
  }
  const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => sockets.delete(socket));
  const hello = { type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0PANDU' } };
  socket.write(wsFrame(0x1, Buffer.from(JSON.stringify(hello))));
  let buffered: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    const { frames, rest } = wsFrames(Buffer.concat([buffered, chunk]));
    buffered = rest;
    for (const f of frames) {
      if (f.opcode === 0x9) socket.write(wsFrame(0xa, f.payload)); // ping → pong
      else if (f.opcode === 0x8) {
        socket.end(wsFrame(0x8, f.payload.subarray(0, 2)));
        sockets.delete(socket);
      } else if (f.opcode === 0x1) {
        const msg = JSON.parse(f.payload.toString('utf8')) as { envelope_id?: string };
        if (msg.envelope_id) acks.push(msg.envelope_id);
        notify();
      }
    }
  });
  notify();
}
