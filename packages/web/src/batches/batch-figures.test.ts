import { describe, expect, it } from 'vitest';
import { anyDispensed, decisions, deviationText, yieldText } from './batch-figures.js';
import { DETAIL } from './batch-test-fixture.js';

describe('batch figures', () => {
  it('compares the measured EOS activity with the plan', () => {
    expect(yieldText(DETAIL, 'MBq')).toBe('1,300 MBq planned at EOS; not measured yet');
    expect(
      yieldText({ ...DETAIL, eos: { activityBq: 9.5e8, volumeMl: 10, yield: 0.7308 } }, 'MBq'),
    ).toBe('950 MBq at EOS · 73.08% of the 1,300 MBq planned');
  });

  it('signs a dose’s deviation', () => {
    expect(deviationText(0.0234)).toBe('+2.3%');
    expect(deviationText(-0.004)).toBe('−0.4%');
    expect(deviationText(0.0001)).toBe('0%');
  });

  it('lists the three decisions with the server’s meaning and refusal', () => {
    expect(decisions(DETAIL)).toEqual([
      {
        meaning: 'conditional-release',
        label: 'Conditional release',
        text: 'I release this batch conditionally.',
        refusal: 'the batch record is not complete: every step must be signed first',
      },
      {
        meaning: 'final-release',
        label: 'Final release',
        text: 'I certify this batch.',
        refusal: 'the batch record is not complete: every step must be signed first',
      },
      {
        meaning: 'rejection',
        label: 'Rejection',
        text: 'I reject this batch: it may not be used.',
        refusal: undefined,
      },
    ]);
  });

  it('knows when labels can be printed', () => {
    expect(anyDispensed([])).toBe(false);
    expect(anyDispensed([{ dispensed: null }])).toBe(false);
  });
});
