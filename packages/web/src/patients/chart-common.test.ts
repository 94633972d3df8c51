import { describe, expect, it } from 'vitest';
import { tipFormatter } from './chart-common.js';

describe('chart tooltips', () => {
  it('writes a mark’s tip, escaped, line by line', () => {
    expect(tipFormatter({ data: { tip: 'Cycle 1 <b>\nreason & more' } })).toBe(
      'Cycle 1 &lt;b&gt;<br/>reason &amp; more',
    );
    expect(tipFormatter({ data: [1, 2] })).toBe('');
    expect(tipFormatter({ data: null })).toBe('');
  });
});
