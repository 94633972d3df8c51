import { i18n } from '../i18n/i18n.js';
import type { DesignScenario } from './design-types.js';

/** Scenario files in and out of the browser (pure apart from reading the file given). */

/** The most the API takes in a body, and so the most a file may weigh. */
export const MAX_SCENARIO_BYTES = 8 * 2 ** 20;
export const SCENARIO_FORMAT = 'halflife-design-scenario/1';

export type ScenarioFile =
  | { readonly ok: true; readonly scenario: DesignScenario }
  | { readonly ok: false; readonly message: string };

/**
 * A file read as a scenario: its size first (before reading it), then JSON, then the outline (the
 * format and the lists). The server checks the rest and names the field of any error.
 */
export async function readScenarioFile(file: {
  readonly size: number;
  text(): Promise<string>;
}): Promise<ScenarioFile> {
  if (file.size > MAX_SCENARIO_BYTES)
    return {
      ok: false,
      message: i18n.t('design:file.tooLarge', { mib: (file.size / 2 ** 20).toFixed(1) }),
    };
  return scenarioFromText(await file.text());
}

export function scenarioFromText(text: string): ScenarioFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: i18n.t('design:file.notJson', { why: (e as Error).message }) };
  }
  return isScenarioOutline(json)
    ? { ok: true, scenario: json }
    : { ok: false, message: i18n.t('design:file.notScenario') };
}

function isScenarioOutline(json: unknown): json is DesignScenario {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  return (
    o['format'] === SCENARIO_FORMAT &&
    typeof o['name'] === 'string' &&
    typeof o['objective'] === 'object' &&
    o['objective'] !== null &&
    ['technologies', 'products', 'sites', 'hospitals'].every((k) => Array.isArray(o[k]))
  );
}

/** "pb-212-central.json" for "Pb-212 central (demo data)". */
export function scenarioFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/\(demo data\)/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'scenario'}.json`;
}

export const scenarioJson = (s: DesignScenario): string => `${JSON.stringify(s, null, 2)}\n`;
