import { describe, expect, it } from 'vitest';
import { SCENARIO } from './design-test-fixture.js';
import {
  applyEdits,
  closableSites,
  editsFrom,
  validateEdits,
  type ScenarioEdits,
} from './scenario-edits.js';

const edits = (patch: Partial<ScenarioEdits> = {}): ScenarioEdits => ({
  ...editsFrom(SCENARIO),
  ...patch,
});

describe('the scenario editor’s model', () => {
  it('reads a scenario into what a person edits', () => {
    expect(editsFrom(SCENARIO)).toEqual({
      name: 'Small (demo data)',
      objective: 'cost',
      budgetMillions: '',
      technologies: {
        bench: { allowed: true, maxNew: '' },
        plant: { allowed: false, maxNew: '0' },
      },
      closed: [],
      timeLimitSeconds: '',
      gapPercent: '1',
      reachHours: '4',
    });
    expect(closableSites(SCENARIO)).toEqual([
      { id: 'beijing', name: 'Beijing site', units: 'Central plant ×1' },
    ]);
  });

  it('gives the unchanged scenario back when nothing is edited', () => {
    expect(applyEdits(SCENARIO, edits())).toEqual(SCENARIO);
  });

  it('checks every field, naming it', () => {
    expect(validateEdits(edits())).toEqual([]);
    expect(validateEdits(edits({ name: ' ', objective: 'coverage', budgetMillions: '' }))).toEqual([
      { field: 'name', message: 'Give the scenario a name.' },
      { field: 'budgetMillions', message: 'Best coverage needs a budget a year.' },
    ]);
    const bad = edits({
      budgetMillions: 'lots',
      objective: 'coverage',
      technologies: {
        bench: { allowed: true, maxNew: '1.5' },
        plant: { allowed: false, maxNew: '' },
      },
      timeLimitSeconds: '900',
      gapPercent: '-1',
      reachHours: '0',
    });
    expect(validateEdits(bad).map((e) => `${e.field}: ${e.message}`)).toEqual([
      'budgetMillions: "lots" is not a number.',
      'maxNew.bench: Leave empty for no limit, or give a whole number 0–10,000.',
      'timeLimitSeconds: The time limit must be more than 0 and at most 600 s.',
      'gapPercent: The gap must be 0–50%.',
      'reachHours: The hours must be more than 0 and at most 240.',
    ]);
  });

  it('applies the objective, technologies, closed sites and settings', () => {
    const s = applyEdits(
      SCENARIO,
      edits({
        name: ' Budget ',
        objective: 'coverage',
        budgetMillions: '100',
        technologies: {
          bench: { allowed: false, maxNew: '' },
          plant: { allowed: true, maxNew: '1' },
        },
        closed: ['beijing'],
        timeLimitSeconds: '30',
        gapPercent: '0.5',
        reachHours: '6',
      }),
    );
    expect(s.name).toBe('Budget');
    expect(s.objective).toEqual({ kind: 'coverage', budgetPerYear: 100e6 });
    // The plant was allowed nowhere: now at the sites outside hospitals; the benchtop nowhere.
    expect(s.sites.map((site) => [site.id, site.allowed, site.closed])).toEqual([
      ['beijing', ['plant'], true],
      ['at-h2', [], undefined],
    ]);
    expect(s.newUnitLimits).toEqual([{ technology: 'plant', max: 1 }]);
    expect(s.settings).toEqual({ relativeGap: 0.005, reachHours: 6, timeLimitSeconds: 30 });
    // Reopening a site and clearing the limits takes them away again.
    const back = applyEdits(s, {
      ...editsFrom(s),
      closed: [],
      technologies: { bench: { allowed: false, maxNew: '' }, plant: { allowed: true, maxNew: '' } },
    });
    expect(back.sites[0]!.closed).toBeUndefined();
    expect(back.newUnitLimits).toBeUndefined();
  });
});
