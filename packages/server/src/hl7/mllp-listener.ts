import { createServer, type Socket } from 'node:net';
import { MLLP_MAX_FRAME_BYTES, MllpDecoder, mllpFrame } from './mllp-frames.js';

/**
 * The MLLP listener (the edge of the HL7 interface): reads framed messages from each connection,
 * hands them one at a time to `handle` and writes its answer back in a frame. A connection that
 * sends bytes outside a frame, a frame over the limit, or nothing for `idleMs`, is closed; a
 * message cut off by a closed connection is dropped unread.
 */
export interface MllpListener {
  readonly port: number;
  close(): Promise<void>;
}

export interface MllpListenerOptions {
  readonly port: number;
  readonly host?: string | undefined;
  readonly handle: (message: Buffer) => Promise<Buffer>;
  readonly maxFrameBytes?: number;
  readonly idleMs?: number;
  readonly maxConnections?: number;
  readonly onError?: (error: unknown) => void;
}

export function startMllpListener(options: MllpListenerOptions): Promise<MllpListener> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(options.idleMs ?? 5 * 60_000, () => socket.destroy());
    const decoder = new MllpDecoder(options.maxFrameBytes ?? MLLP_MAX_FRAME_BYTES);
    // One message at a time per connection, answered in the order they came.
    let queue = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      const decoded = decoder.push(chunk);
      for (const frame of decoded.frames) {
        queue = queue.then(async () => {
          if (socket.destroyed) return;
          try {
            const answer = await options.handle(frame);
            if (!socket.destroyed) socket.write(mllpFrame(answer));
          } catch (e) {
            options.onError?.(e);
            socket.destroy();
          }
        });
      }
      if (!decoded.ok) {
        socket.pause();
        void queue.then(() => socket.destroy());
      }
    });
  });
  server.maxConnections = options.maxConnections ?? 64;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address !== null ? address.port : options.port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
