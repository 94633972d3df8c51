import { seedDemo, type Db, type SeedSummary } from '@halflife/db';
import { isLocalDate, localDateOf } from '@halflife/domain';
import { DEMO_ZONE, demoOrderDay } from '@halflife/domain/demo';
import { hashPassword } from '../password.js';

/** The demo password, printed at start-up; set HALFLIFE_DEMO_PASSWORD to choose another. */
export const DEFAULT_DEMO_PASSWORD = 'halflife-demo';

/** The demo's order day as of `now`: the next day on which the demo hospitals receive, and why. */
export function demoDayAfter(now: Date): { date: string; why: string } {
  return demoOrderDay(localDateOf(now, DEMO_ZONE));
}

/** What was seeded, on which date, and why that date. */
export type DemoSeedSummary = SeedSummary & { readonly date: string; readonly why: string };

/**
 * Seeds the demo network into an empty database; null when it holds data already. Its orders fall
 * on `date` when given, else on the next day after `now` on which the demo hospitals receive.
 */
export async function seedDemoNetwork(
  db: Db,
  options: { now: Date; password: string; seed?: number; date?: string | undefined },
): Promise<DemoSeedSummary | null> {
  const chosen =
    options.date === undefined
      ? demoDayAfter(options.now)
      : { date: options.date, why: `${options.date}: the date asked for` };
  if (!isLocalDate(chosen.date)) {
    throw new Error(`the demo date must be a calendar date YYYY-MM-DD, got '${chosen.date}'`);
  }
  const summary = await seedDemo(db, {
    date: chosen.date,
    seed: options.seed ?? 1,
    passwordHash: () => hashPassword(options.password),
    now: options.now,
  });
  return summary === null ? null : { ...summary, ...chosen };
}
