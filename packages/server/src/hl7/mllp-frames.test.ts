import { describe, expect, it } from 'vitest';
import { CR, FS, MllpDecoder, mllpFrame, VT } from './mllp-frames.js';

const frame = (text: string) => mllpFrame(Buffer.from(text, 'utf8'));
const texts = (frames: readonly Buffer[]) => frames.map((f) => f.toString('utf8'));

describe('MLLP framing', () => {
  it('frames a message as <VT> message <FS><CR>', () => {
    expect([...frame('A')]).toEqual([VT, 0x41, FS, CR]);
  });

  it('gives whole messages however the bytes are split, UTF-8 across chunks too', () => {
    const bytes = Buffer.concat([frame('MSH|一'), frame('MSH|二'), frame('MSH|三')]);
    for (let size = 1; size <= bytes.length; size++) {
      const d = new MllpDecoder();
      const out: string[] = [];
      for (let k = 0; k < bytes.length; k += size) {
        const r = d.push(bytes.subarray(k, k + size));
        expect(r.ok).toBe(true);
        out.push(...texts(r.frames));
      }
      expect(out, `chunks of ${size}`).toEqual(['MSH|一', 'MSH|二', 'MSH|三']);
      expect(d.partial).toBe(false);
    }
  });

  it('keeps an FS not followed by CR as data, and skips line ends between frames', () => {
    const d = new MllpDecoder();
    const r = d.push(
      Buffer.concat([Buffer.from([VT, 0x41, FS, 0x42, FS, CR, CR, 0x0a]), frame('C')]),
    );
    expect(texts(r.frames)).toEqual(['A\x1cB', 'C']);
  });

  it('holds a message cut off mid-way as partial, never as a message', () => {
    const d = new MllpDecoder();
    const whole = frame('MSH|cut');
    expect(d.push(whole.subarray(0, 6)).frames).toEqual([]);
    expect(d.partial).toBe(true);
    expect(d.push(whole.subarray(6, whole.length - 1)).frames).toEqual([]);
    expect(d.partial).toBe(true);
  });

  it('refuses bytes outside a frame and frames over the limit', () => {
    const outside = new MllpDecoder().push(Buffer.from('MSH|x'));
    expect(outside.ok ? '' : outside.error).toMatch(/outside/);
    const d = new MllpDecoder(10);
    const r = d.push(Buffer.concat([frame('short'), frame('much longer than ten')]));
    expect(r).toMatchObject({ ok: false, error: 'a message larger than 10 bytes' });
    expect(texts(r.frames)).toEqual(['short']);
  });
});
