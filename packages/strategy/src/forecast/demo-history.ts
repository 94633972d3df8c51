import { normal, seededRng } from '@halflife/domain/demo';

/**
 * A synthetic weekly order history for the demo (no real order history exists yet): doses per week
 * of one product at one site, with growth, a yearly season and a holiday dip, and Poisson-like
 * noise. Marked synthetic wherever it is shown. The model's parts are parameters so that tests
 * can check the forecast recovers them.
 */
export interface DemandModel {
  readonly weeks: number;
  readonly seed: number;
  /** Doses per week at the start. */
  readonly base: number;
  /** Growth per year, as a fraction (0.15 = 15% a year, linear in weeks). */
  readonly growthPerYear: number;
  /** Amplitude of the yearly wave, as a fraction of the level. */
  readonly seasonalAmplitude: number;
  /** Weeks of the year (0-based) with a holiday dip, and the share of demand lost. */
  readonly holidayWeeks: readonly number[];
  readonly holidayDip: number;
}

export const WEEKS_PER_YEAR = 52;

/** The expected doses in week t (0-based) under the model, without noise. */
export function expectedDemand(model: DemandModel, t: number): number {
  const level = model.base * (1 + (model.growthPerYear * t) / WEEKS_PER_YEAR);
  const week = t % WEEKS_PER_YEAR;
  const wave = 1 + model.seasonalAmplitude * Math.sin((2 * Math.PI * week) / WEEKS_PER_YEAR);
  const dip = model.holidayWeeks.includes(week) ? 1 - model.holidayDip : 1;
  return level * wave * dip;
}

/** The drawn history: whole doses per week, never negative (normal approximation of Poisson). */
export function demoDemandHistory(model: DemandModel): number[] {
  const rng = seededRng(model.seed);
  return Array.from({ length: model.weeks }, (_, t) => {
    const mu = expectedDemand(model, t);
    return Math.max(0, Math.round(normal(rng, mu, Math.sqrt(mu))));
  });
}
