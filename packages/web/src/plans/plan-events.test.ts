import { describe, expect, it } from 'vitest';
import { progressOfEvent } from './plan-events.js';

describe('plan events', () => {
  it('reads the progress of a summary event, and nothing from anything else', () => {
    const summary = {
      id: 'p',
      status: 'running',
      progress: { phase: 'solve', fraction: 0.5, message: 'm' },
    };
    expect(progressOfEvent(JSON.stringify(summary))).toEqual({
      phase: 'solve',
      fraction: 0.5,
      message: 'm',
    });
    expect(progressOfEvent(JSON.stringify({ progress: { phase: 3, message: 'x' } }))).toEqual({
      message: 'x',
    });
    expect(progressOfEvent('not json')).toBeUndefined();
    expect(progressOfEvent(JSON.stringify({ status: 'ready' }))).toBeUndefined();
    expect(progressOfEvent(JSON.stringify(null))).toBeUndefined();
  });
});
