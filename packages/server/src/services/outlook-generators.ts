import type { GeneratorRow } from '@halflife/db';
import { addDays, dayStart, isoWeekday, localDateOf, nextDayStart } from '@halflife/domain';
import {
  epochMillis,
  GENERATOR_TYPES,
  generatorModel,
  generatorReleases,
  type EpochMillis,
  type GeneratorModel,
  type GeneratorType,
} from '@halflife/nuclear';
import { hoursOn } from './local-day.js';
import {
  GENERATOR_YIELD_CV,
  type OutlookEquipment,
  type OutlookSite,
  type SupplyItem,
  type SupplyRecords,
} from './outlook-supply-types.js';
import {
  defaultElutionIntervalMinutes,
  generatorModelOf,
  generatorType,
  supplyData,
} from './supply-models.js';

/**
 * A generator's weeks: every open day, the column in use that day (the newest recorded generator
 * of the equipment within its shelf life, or the one its standing delivery brings) is eluted on
 * its regular interval from opening to closing, as a plan of that day takes it (site-supply.ts).
 * Each elution's activity comes from the generator model of @halflife/nuclear (parent decay,
 * daughter ingrowth, efficiency from the measured elutions).
 */

const numbers = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];

/** A column that can serve days: a recorded generator, or a delivery the equipment expects. */
interface Column {
  readonly label: string;
  readonly calibratedAt: number;
  readonly shelfEnd: number;
  readonly intervalMinutes: number;
  readonly model: () => GeneratorModel | undefined;
}

const DELIVERY_TIME = 6 * 3_600_000; // 06:00 local, as the demo's deliveries (assumption)

function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

function recordedColumn(
  g: GeneratorRow,
  elutions: SupplyRecords['generators'][number]['elutions'],
  type: GeneratorType,
): Column {
  return {
    label: g.label,
    calibratedAt: g.calibrated_at.getTime(),
    shelfEnd: g.calibrated_at.getTime() + type.shelfLife.value * 1000,
    intervalMinutes: g.elution_interval_minutes ?? defaultElutionIntervalMinutes(type),
    model: lazy(() => {
      const m = generatorModelOf(g, elutions);
      return m.ok ? m.value : undefined;
    }),
  };
}

/** The generator type an equipment row names (capacity.parent and .daughter). */
function typeOfEquipment(e: OutlookEquipment): GeneratorType | undefined {
  const parent = e.capacity['parent'];
  const daughter = e.capacity['daughter'];
  return (
    GENERATOR_TYPES.find((t) => t.parent === parent && t.daughter === daughter) ??
    GENERATOR_TYPES.find((t) => t.parent === parent)
  );
}

/**
 * The generators of `site` that give `records.nuclide`: one item per generator equipment row
 * (with its recorded generators and standing deliveries) and one per recorded generator on no
 * such row.
 */
export function generatorItems(records: SupplyRecords, site: OutlookSite, notes: string[]) {
  const items: SupplyItem[] = [];
  const recorded = records.generators.filter(
    ({ generator: g }) =>
      g.site_id === site.id && generatorType(g.type)?.daughter === records.nuclide,
  );
  const groups = new Map<string, { equipment?: OutlookEquipment; columns: Column[] }>();
  for (const e of records.equipment) {
    if (e.siteId !== site.id || e.kind !== 'generator') continue;
    if (typeOfEquipment(e)?.daughter !== records.nuclide) continue;
    groups.set(e.id, { equipment: e, columns: [] });
  }
  for (const { generator: g, elutions } of recorded) {
    const type = generatorType(g.type)!;
    const key = g.equipment_id !== null && groups.has(g.equipment_id) ? g.equipment_id : g.id;
    const group = groups.get(key) ?? { columns: [] };
    group.columns.push(recordedColumn(g, elutions, type));
    groups.set(key, group);
  }
  const first = records.weeks[0];
  const last = records.weeks.at(-1);
  if (first === undefined || last === undefined) return items;
  const horizonEnd = nextDayStart(addDays(last, 6), site.zone);
  for (const [key, group] of groups) {
    const e = group.equipment;
    const type = e
      ? typeOfEquipment(e)
      : generatorType(recorded.find((r) => r.generator.id === key)!.generator.type);
    if (!type) continue;
    const latest = [...group.columns].sort((a, b) => b.calibratedAt - a.calibratedAt)[0];
    const hours = e?.capacity['optimalElutionIntervalHours'];
    const interval =
      latest?.intervalMinutes ??
      (typeof hours === 'number' ? hours * 60 : defaultElutionIntervalMinutes(type));
    // Standing deliveries: the equipment's delivery weekdays; a generator that lasts two weeks or
    // less with none set is taken as replaced weekly on the weekday of its last calibration
    // (assumption). A long-lived column is not replaced: past its shelf life it gives nothing.
    let weekdays = e ? numbers(e.capacity['deliveryWeekdays']) : [];
    const parentBq = e?.capacity['parentActivityBq'];
    if (e && weekdays.length === 0 && type.shelfLife.value <= 14 * 86_400) {
      weekdays = [latest ? isoWeekday(localDateOf(latest.calibratedAt, site.zone)) : 1];
    }
    const standing = e !== undefined && weekdays.length > 0 && typeof parentBq === 'number';
    const columns = [...group.columns];
    if (standing) {
      for (
        let date = addDays(first, -7);
        dayStart(date, site.zone) < horizonEnd;
        date = addDays(date, 1)
      ) {
        if (!weekdays.includes(isoWeekday(date))) continue;
        const at = dayStart(date, site.zone) + DELIVERY_TIME;
        if (columns.some((c) => Math.abs(c.calibratedAt - at) < 86_400_000)) continue;
        columns.push({
          label: `${e.name}, delivery ${date}`,
          calibratedAt: at,
          shelfEnd: at + type.shelfLife.value * 1000,
          intervalMinutes: interval,
          model: lazy(() => {
            const m = generatorModel(supplyData(), {
              type,
              parentBq,
              calibratedAt: epochMillis(at),
              initial: 'equilibrium',
            });
            return m.ok ? m.value : undefined;
          }),
        });
      }
    }
    columns.sort((a, b) => b.calibratedAt - a.calibratedAt);
    const meanBq: number[] = [];
    let lapsed: string | undefined;
    for (const week of records.weeks) {
      let total = 0;
      for (let d = 0; d < 7; d++) {
        const date = addDays(week, d);
        const start = dayStart(date, site.zone);
        const end = nextDayStart(date, site.zone);
        if (isOut(records, e?.id, start, end)) continue;
        const column = columns.find((c) => c.calibratedAt < end && c.shelfEnd > start);
        if (!column) {
          lapsed ??= date;
          continue;
        }
        const model = column.model();
        if (!model) continue;
        const times: EpochMillis[] = [];
        for (const open of hoursOn(site.openingHours, date, site.zone)) {
          for (
            let t = Math.max(Date.parse(open.start), column.calibratedAt);
            t < Date.parse(open.end) && t <= column.shelfEnd;
            t += column.intervalMinutes * 60_000
          )
            times.push(epochMillis(t));
        }
        if (times.length === 0) continue;
        for (const r of generatorReleases(model, column.label, times).releases)
          total += r.activityBq;
      }
      meanBq.push(total);
    }
    const label = e?.name ?? columns[0]?.label ?? key;
    if (lapsed !== undefined && !standing)
      notes.push(
        `${site.name}, ${label}: no generator in its shelf life from ${lapsed}; none is recorded or expected after it.`,
      );
    items.push({
      siteId: site.id,
      siteName: site.name,
      kind: 'generator',
      label,
      basis: `${type.id} eluted every ${Math.round(interval)} min in opening hours${standing ? `, a new generator each ${weekdays.map(dayName).join(' and ')} (standing delivery, ${(parentBq / 1e9).toPrecision(3)} GBq ${type.parent})` : ''}; weekly yield ±${GENERATOR_YIELD_CV * 100}% (elution efficiency, one column: the week's elutions move together).`,
      meanBq,
      varianceBq2: meanBq.map((m) => (GENERATOR_YIELD_CV * m) ** 2),
    });
  }
  return items;
}

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const dayName = (weekday: number): string => DAYS[weekday] ?? String(weekday);

/** Whether equipment `id` has an outage overlapping [start, end). */
export function isOut(
  records: SupplyRecords,
  id: string | undefined,
  start: number,
  end: number,
): boolean {
  if (id === undefined) return false;
  return records.outages.some(
    (o) =>
      o.equipment_id === id &&
      o.from_at.getTime() < end &&
      (o.to_at === null || o.to_at.getTime() > start),
  );
}
