import { i18n } from '../i18n/i18n.js';
import type { DesignScenario } from './design-types.js';

/**
 * The scenario editor's model (pure): the few things a person changes, as typed, over a template
 * or an imported scenario that carries everything else.
 */
export interface ScenarioEdits {
  readonly name: string;
  readonly objective: 'cost' | 'coverage';
  /** Millions a year, as typed. */
  readonly budgetMillions: string;
  /** Per technology id: may it be added at sites, and the most new units in the network (as typed). */
  readonly technologies: Readonly<
    Record<string, { readonly allowed: boolean; readonly maxNew: string }>
  >;
  /** Site ids closed in this scenario. */
  readonly closed: readonly string[];
  readonly timeLimitSeconds: string;
  readonly gapPercent: string;
  readonly reachHours: string;
}

export type EditField =
  'name' | 'budgetMillions' | 'timeLimitSeconds' | 'gapPercent' | 'reachHours' | `maxNew.${string}`;

export interface FieldError {
  readonly field: EditField;
  readonly message: string;
}

/** The solver's defaults (packages/strategy design-scenario.ts), shown as placeholders. */
export const DEFAULTS = { timeLimitSeconds: 60, gapPercent: 1, reachHours: 4 } as const;

const text = (n: number | undefined): string => (n === undefined ? '' : String(n));

export function editsFrom(s: DesignScenario): ScenarioEdits {
  const limits = new Map((s.newUnitLimits ?? []).map((l) => [l.technology, l.max]));
  return {
    name: s.name,
    objective: s.objective.kind,
    budgetMillions:
      s.objective.budgetPerYear === undefined ? '' : String(s.objective.budgetPerYear / 1e6),
    technologies: Object.fromEntries(
      s.technologies.map((t) => [
        t.id,
        {
          allowed: s.sites.some((site) => site.allowed.includes(t.id)),
          maxNew: text(limits.get(t.id)),
        },
      ]),
    ),
    closed: s.sites.filter((site) => site.closed === true).map((site) => site.id),
    timeLimitSeconds: text(s.settings?.timeLimitSeconds),
    gapPercent:
      s.settings?.relativeGap === undefined
        ? ''
        : String(Number((s.settings.relativeGap * 100).toPrecision(6))),
    reachHours: text(s.settings?.reachHours),
  };
}

/** The sites a person may close: those with units already. */
export function closableSites(s: DesignScenario) {
  const names = new Map(s.technologies.map((t) => [t.id, t.name]));
  return s.sites
    .filter((site) => Object.values(site.existing ?? {}).some((n) => n > 0))
    .map((site) => ({
      id: site.id,
      name: site.name,
      units: Object.entries(site.existing ?? {})
        .filter(([, n]) => n > 0)
        .map(([t, n]) => `${names.get(t) ?? t} ×${n}`)
        .join(', '),
    }));
}

/** A typed number: undefined when empty, NaN when not a number. */
export function parseNumber(typed: string): number | undefined {
  const t = typed.trim();
  if (t === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

function check(
  errors: FieldError[],
  field: EditField,
  typed: string,
  ok: (n: number) => boolean,
  range: string,
  required?: string,
): void {
  const n = parseNumber(typed);
  if (n === undefined) {
    if (required) errors.push({ field, message: required });
  } else if (Number.isNaN(n))
    errors.push({ field, message: i18n.t('design:validation.notANumber', { text: typed.trim() }) });
  else if (!ok(n)) errors.push({ field, message: range });
}

/** What is wrong with the edits, field by field (empty when they can be sent). */
export function validateEdits(e: ScenarioEdits): FieldError[] {
  const v = {
    nameRequired: i18n.t('design:validation.nameRequired'),
    nameTooLong: i18n.t('design:validation.nameTooLong'),
    budgetRequired: i18n.t('design:validation.budgetRequired'),
    budgetRange: i18n.t('design:validation.budgetRange'),
    maxNewRange: i18n.t('design:validation.maxNewRange'),
    timeLimitRange: i18n.t('design:validation.timeLimitRange'),
    gapRange: i18n.t('design:validation.gapRange'),
    reachRange: i18n.t('design:validation.reachRange'),
  };
  const errors: FieldError[] = [];
  if (e.name.trim() === '') errors.push({ field: 'name', message: v.nameRequired });
  else if (e.name.trim().length > 200) errors.push({ field: 'name', message: v.nameTooLong });
  if (e.objective === 'coverage')
    check(
      errors,
      'budgetMillions',
      e.budgetMillions,
      (n) => n >= 0 && n <= 1e6,
      v.budgetRange,
      v.budgetRequired,
    );
  for (const [id, t] of Object.entries(e.technologies))
    check(
      errors,
      `maxNew.${id}`,
      t.maxNew,
      (n) => Number.isInteger(n) && n >= 0 && n <= 10_000,
      v.maxNewRange,
    );
  check(errors, 'timeLimitSeconds', e.timeLimitSeconds, (n) => n > 0 && n <= 600, v.timeLimitRange);
  check(errors, 'gapPercent', e.gapPercent, (n) => n >= 0 && n <= 50, v.gapRange);
  check(errors, 'reachHours', e.reachHours, (n) => n > 0 && n <= 240, v.reachRange);
  return errors;
}

/** The scenario to send: the base with the edits applied (edits already valid). */
export function applyEdits(base: DesignScenario, e: ScenarioEdits): DesignScenario {
  const allowedSomewhere = new Set(base.sites.flatMap((s) => s.allowed));
  const closed = new Set(e.closed);
  const sites = base.sites.map((site) => {
    const rest = { ...site };
    delete rest.closed;
    const allowed = base.technologies
      .map((t) => t.id)
      .filter((id) => {
        if (!(e.technologies[id]?.allowed ?? true)) return false;
        // Allowed where the base allows it; when it allows it nowhere, at sites outside hospitals.
        return allowedSomewhere.has(id) ? site.allowed.includes(id) : site.hospital === undefined;
      });
    // Keep ids the base names that are not technologies: the server names them as errors.
    const unknown = site.allowed.filter((id) => !base.technologies.some((t) => t.id === id));
    return {
      ...rest,
      allowed: [...allowed, ...unknown],
      ...(closed.has(site.id) ? { closed: true } : {}),
    };
  });
  const limits = base.technologies.flatMap((t) => {
    const max = parseNumber(e.technologies[t.id]?.maxNew ?? '');
    return max === undefined ? [] : [{ technology: t.id, max }];
  });
  const rest = { ...base };
  delete rest.newUnitLimits;
  delete rest.settings;
  const number = (typed: string, scale = 1) => {
    const n = parseNumber(typed);
    return n === undefined ? undefined : n * scale;
  };
  const settings = {
    ...base.settings,
    timeLimitSeconds: number(e.timeLimitSeconds),
    relativeGap: number(e.gapPercent, 0.01),
    reachHours: number(e.reachHours),
  };
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  return {
    ...rest,
    name: e.name.trim(),
    objective:
      e.objective === 'cost'
        ? { kind: 'cost' }
        : { kind: 'coverage', budgetPerYear: (parseNumber(e.budgetMillions) ?? 0) * 1e6 },
    sites,
    ...(limits.length > 0 ? { newUnitLimits: limits } : {}),
    ...(Object.keys(defined).length > 0 ? { settings: defined } : {}),
  };
}
