import { seedDemo, type Db, type SeedSummary } from '@halflife/db';
import { hashPassword } from '../password.js';
import { localDateOf } from './local-day.js';

/** The demo password, printed at start-up; set HALFLIFE_DEMO_PASSWORD to choose another. */
export const DEFAULT_DEMO_PASSWORD = 'halflife-demo';
export const DEMO_ZONE = 'Asia/Shanghai';

/** Tomorrow's date (YYYY-MM-DD) in a zone, as of `now`. */
export function tomorrowIn(zone: string, now: Date): string {
  return localDateOf(new Date(now.getTime() + 86_400_000), zone);
}

/** Seeds the demo network for tomorrow into an empty database; null when it holds data already. */
export async function seedDemoNetwork(
  db: Db,
  options: { now: Date; password: string; seed?: number },
): Promise<SeedSummary | null> {
  return seedDemo(db, {
    date: tomorrowIn(DEMO_ZONE, options.now),
    seed: options.seed ?? 1,
    passwordHash: await hashPassword(options.password),
    now: options.now,
  });
}
