import { connect } from 'node:net';
import { MllpDecoder, mllpFrame } from './mllp-frames.js';

/**
 * Sends one message over MLLP to a hospital's system and resolves with the first framed answer
 * (its acknowledgement). Rejects when the connection fails or closes first, or after `timeoutMs`.
 */
export function sendMllp(
  endpoint: { readonly host: string; readonly port: number },
  message: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: endpoint.host, port: endpoint.port });
    const decoder = new MllpDecoder();
    let settled = false;
    const finish = (error: Error | undefined, answer?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(answer!);
    };
    const timer = setTimeout(
      () => finish(new Error(`no acknowledgement within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    socket.on('connect', () => socket.write(mllpFrame(Buffer.from(message, 'utf8'))));
    socket.on('data', (chunk: Buffer) => {
      const decoded = decoder.push(chunk);
      const first = decoded.frames[0];
      if (first) finish(undefined, first.toString('utf8'));
      else if (!decoded.ok) finish(new Error(`the answer is not MLLP: ${decoded.error}`));
    });
    socket.on('error', (e) => finish(new Error(`${endpoint.host}:${endpoint.port}: ${e.message}`)));
    socket.on('close', () => finish(new Error('the connection closed before an acknowledgement')));
  });
}
