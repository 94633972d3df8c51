import { firstBulkLots, type Database, type IsotopeLotRow, type ShipmentDose } from '@halflife/db';
import { epochMillis } from '@halflife/nuclear';
import { mixtureAt, type NuclideBq } from '@halflife/ops';
import type { Kysely } from 'kysely';
import { lotModelOf } from './supply-models.js';

/**
 * What a dispensed dose holds, nuclide by nuclide: the activity measured at dispensing, with the
 * impurities of the bulk lot its batch drew from at that time (e.g. Lu-177m in carrier-added
 * Lu-177, from the lot's profile and certificate), every daughter grown in since by the decay
 * engine.
 */

function atDispensing(dose: ShipmentDose, lot: IsotopeLotRow | undefined): NuclideBq[] {
  const d = dose.dispensed!;
  const main: NuclideBq = { nuclide: dose.nuclide, activityBq: d.measuredBq };
  if (lot === undefined) return [main];
  const model = lotModelOf(lot);
  const t = d.measuredAt.getTime();
  if (!model.ok || t < lot.reference_at.getTime()) return [main];
  const all = model.value.activitiesAt(epochMillis(t));
  const mainNow = all.find((a) => a.nuclide === dose.nuclide)?.activityBq ?? 0;
  if (!(mainNow > 0)) return [main];
  return all.map((a) => ({
    nuclide: a.nuclide,
    activityBq: (a.activityBq / mainNow) * d.measuredBq,
  }));
}

/** For the doses of a shipment: each dispensed dose's contents and when they held. */
export async function doseContentsByRecord(
  db: Kysely<Database>,
  doses: readonly ShipmentDose[],
): Promise<(d: ShipmentDose) => { contents: NuclideBq[]; at: number }> {
  const lots = await firstBulkLots(db, [
    ...new Set(doses.flatMap((d) => (d.recordId === null ? [] : [d.recordId]))),
  ]);
  return (d) => ({
    contents: atDispensing(d, d.recordId === null ? undefined : lots.get(d.recordId)),
    at: d.dispensed!.measuredAt.getTime(),
  });
}

/**
 * A part of a dose measured later (a residue): `bq` of the main nuclide at `at`, with the
 * impurities and daughters the dose holds by then in the same proportion.
 */
export async function doseContents(
  db: Kysely<Database>,
  dose: ShipmentDose,
  bq: number,
  at: number,
): Promise<NuclideBq[]> {
  const of = await doseContentsByRecord(db, [dose]);
  const start = of(dose);
  const then = mixtureAt(start.contents, start.at, Math.max(at, start.at));
  const main = then.find((c) => c.nuclide === dose.nuclide)?.activityBq ?? 0;
  if (!(main > 0)) return [{ nuclide: dose.nuclide, activityBq: bq }];
  return then.map((c) => ({ nuclide: c.nuclide, activityBq: (c.activityBq / main) * bq }));
}
