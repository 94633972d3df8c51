import { describe, expect, it } from 'vitest';
import { DETAIL } from './batch-test-fixture.js';
import {
  drawLabel,
  fieldHint,
  initialInputs,
  isDrawKind,
  stepValues,
  stepViews,
  valueText,
} from './step-values.js';

describe('the recipe’s steps in the record', () => {
  it('says which are signed, which is next and which wait, with corrections newest first', () => {
    const views = stepViews(DETAIL);
    expect(views.map((v) => [v.number, v.step.code, v.state])).toEqual([
      [1, 'elution', 'signed'],
      [2, 'labelling', 'signed'],
      [3, 'purification', 'next'],
      [4, 'formulation', 'waiting'],
    ]);
    expect(views[0]?.current?.id).toBe('e2');
    expect(views[0]?.history.map((h) => [h.entry.id, h.replacedBecause])).toEqual([
      ['e1', 'volume misread'],
    ]);
  });

  it('hints each field’s range and unit and shows values with their unit', () => {
    const [activity, volume] = DETAIL.steps[0]!.fields;
    expect(fieldHint(activity!)).toBe('0–4000 MBq');
    expect(fieldHint({ kind: 'number', unit: 'mL', min: 1 })).toBe('≥ 1 mL');
    expect(fieldHint({ kind: 'number', unit: '%', max: 10 })).toBe('≤ 10 %');
    expect(fieldHint({ kind: 'text', unit: '' })).toBe('');
    expect(valueText(volume!, 4)).toBe('4 mL');
    expect(valueText({ unit: '' }, 'C18-1')).toBe('C18-1');
    expect(valueText({ unit: 'mL' }, undefined)).toBe('—');
  });

  it('turns the form’s text into values, leaving empty fields to the server and refusing text as a number', () => {
    const fields = DETAIL.steps[0]!.fields;
    expect(stepValues(fields, { activityMBq: ' 1500 ', eluateVolumeMl: '4,5' })).toEqual({
      values: { activityMBq: 1500, eluateVolumeMl: 4.5 },
      errors: {},
    });
    expect(stepValues(fields, { activityMBq: 'lots' })).toEqual({
      values: {},
      errors: { 'values.activityMBq': 'Activity drawn: expected a number, got "lots"' },
    });
    expect(stepValues(DETAIL.steps[2]!.fields, { cartridgeLot: ' C18-9 ' }).values).toEqual({
      cartridgeLot: 'C18-9',
    });
    expect(initialInputs(fields, DETAIL.steps[0]!.entries[1])).toEqual({
      activityMBq: '1000',
      eluateVolumeMl: '4',
    });
    expect(initialInputs(fields, undefined)).toEqual({ activityMBq: '', eluateVolumeMl: '' });
  });

  it('names what a step draws', () => {
    expect(drawLabel('generator-elution')).toBe('Generator elution');
    expect(drawLabel('kit-lot')).toBe('Kit lot number');
    expect(isDrawKind('bulk-lot')).toBe(true);
    expect(isDrawKind(null)).toBe(false);
    expect(isDrawKind('barrel')).toBe(false);
  });
});
