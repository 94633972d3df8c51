import { describe, expect, it } from 'vitest';
import { SCENARIO } from './design-test-fixture.js';
import {
  MAX_SCENARIO_BYTES,
  readScenarioFile,
  scenarioFileName,
  scenarioFromText,
  scenarioJson,
} from './scenario-file.js';

describe('scenario files', () => {
  it('reads a scenario back from its own JSON', async () => {
    const text = scenarioJson(SCENARIO);
    expect(
      await readScenarioFile({ size: text.length, text: () => Promise.resolve(text) }),
    ).toEqual({
      ok: true,
      scenario: SCENARIO,
    });
  });

  it('refuses a file over 8 MiB before reading it', async () => {
    const read = await readScenarioFile({
      size: MAX_SCENARIO_BYTES + 1,
      text: () => Promise.reject(new Error('read')),
    });
    expect(read).toEqual({ ok: false, message: 'The file is 8.0 MiB; at most 8 MiB is read.' });
  });

  it('says when a file is not JSON or not a scenario', () => {
    const notJson = scenarioFromText('{');
    expect(!notJson.ok && notJson.message).toMatch(/^The file is not JSON/);
    const other = scenarioFromText(JSON.stringify({ ...SCENARIO, format: 'other' }));
    expect(!other.ok && other.message).toMatch(/not a design scenario/);
    expect(scenarioFromText('[]').ok).toBe(false);
  });

  it('names a file after its scenario', () => {
    expect(scenarioFileName('Pb-212 central (demo data)')).toBe('pb-212-central.json');
    expect(scenarioFileName('中文')).toBe('scenario.json');
  });
});
