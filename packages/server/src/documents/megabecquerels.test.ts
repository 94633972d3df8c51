import { describe, expect, it } from 'vitest';
import { megabecquerels } from './megabecquerels.js';

describe('megabecquerels', () => {
  it('gives three significant figures, whole numbers from 1000', () => {
    expect(megabecquerels(370e6)).toBe('370');
    expect(megabecquerels(7.4e9)).toBe('7400');
    expect(megabecquerels(37.46e6)).toBe('37.5');
    expect(megabecquerels(999.96e6)).toBe('1000');
    expect(megabecquerels(10e6)).toBe('10');
    expect(megabecquerels(1234)).toBe('0.00123');
  });
});
