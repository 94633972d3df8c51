import { describe, expect, it } from 'vitest';
import { offsetInstantIn, proposedArrival } from './delay-time.js';

describe('the new arrival of a delay', () => {
  it('reads the local time in the hospital’s zone and sends it with its offset', () => {
    expect(offsetInstantIn('2026-12-07T10:45', 'Asia/Shanghai')).toBe('2026-12-07T10:45:00+08:00');
    expect(offsetInstantIn('2026-07-01T09:00', 'Europe/Berlin')).toBe('2026-07-01T09:00:00+02:00');
    expect(offsetInstantIn('2026-12-01T09:00', 'Europe/Berlin')).toBe('2026-12-01T09:00:00+01:00');
  });

  it('refuses what is not a date and time', () => {
    expect(offsetInstantIn('', 'Asia/Shanghai')).toBeUndefined();
    expect(offsetInstantIn('10:45', 'Asia/Shanghai')).toBeUndefined();
  });

  it('proposes half an hour after the current expected arrival', () => {
    expect(proposedArrival('2026-12-07T02:15:00.000Z', 'Asia/Shanghai')).toBe('2026-12-07T10:45');
  });
});
