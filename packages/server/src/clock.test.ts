import { describe, expect, it } from 'vitest';
import { clockAt, clockFrom } from './clock.js';

describe('the clock', () => {
  it('starts at HALFLIFE_NOW and runs on with real time', () => {
    let real = 1_000_000;
    const clock = clockFrom('2026-12-05T12:00+08:00', () => real);
    expect(clock().toISOString()).toBe('2026-12-05T04:00:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2026-12-05T04:01:30.000Z');
  });

  it('is the real time when unset, and refuses a time without a zone', () => {
    expect(clockFrom(undefined, () => 42)().getTime()).toBe(42);
    expect(clockFrom('  ', () => 42)().getTime()).toBe(42);
    expect(() => clockFrom('2026-12-05T12:00')).toThrow(/^HALFLIFE_NOW: /);
  });

  it('clockAt runs from a set instant', () => {
    let real = 5;
    const clock = clockAt(new Date('2026-12-31T15:59:00Z'), () => real);
    real += 60_000;
    expect(clock().toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
