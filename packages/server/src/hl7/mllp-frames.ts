/**
 * MLLP framing (HL7 v2 over TCP): each message travels as <VT> message <FS><CR>. The decoder
 * takes the bytes of a connection as they come and gives back whole messages; a frame larger than
 * its limit, or bytes outside a frame, end the connection. Pure: no sockets here.
 */

export const VT = 0x0b;
export const FS = 0x1c;
export const CR = 0x0d;
const LF = 0x0a;

/** The largest message the interface reads (an order is a few KiB). */
export const MLLP_MAX_FRAME_BYTES = 256 * 1024;

export function mllpFrame(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([VT]), payload, Buffer.from([FS, CR])]);
}

export type Decoded =
  | { readonly ok: true; readonly frames: readonly Buffer[] }
  | { readonly ok: false; readonly frames: readonly Buffer[]; readonly error: string };

export class MllpDecoder {
  private parts: Buffer[] = [];
  private size = 0;
  private inFrame = false;
  /** An FS ended the last chunk: the frame ends if the next byte is CR. */
  private pendingFs = false;

  constructor(private readonly maxBytes: number = MLLP_MAX_FRAME_BYTES) {}

  /** Whether part of a message has arrived and its end has not. */
  get partial(): boolean {
    return this.inFrame;
  }

  push(chunk: Buffer): Decoded {
    const frames: Buffer[] = [];
    let k = 0;
    while (k < chunk.length) {
      if (!this.inFrame) {
        const b = chunk[k]!;
        if (b === VT) {
          this.inFrame = true;
          this.parts = [];
          this.size = 0;
        } else if (b !== CR && b !== LF) {
          return { ok: false, frames, error: 'bytes outside an MLLP frame (expected <VT>)' };
        }
        k++;
        continue;
      }
      if (this.pendingFs) {
        this.pendingFs = false;
        if (chunk[k] === CR) {
          frames.push(Buffer.concat(this.parts, this.size));
          this.inFrame = false;
          k++;
          continue;
        }
        this.append(Buffer.from([FS]));
      }
      const fs = chunk.indexOf(FS, k);
      const end = fs < 0 ? chunk.length : fs;
      this.append(chunk.subarray(k, end));
      if (this.size > this.maxBytes) {
        return { ok: false, frames, error: `a message larger than ${this.maxBytes} bytes` };
      }
      if (fs < 0) break;
      this.pendingFs = true;
      k = fs + 1;
    }
    return { ok: true, frames };
  }

  private append(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.parts.push(Buffer.from(bytes));
    this.size += bytes.length;
  }
}
