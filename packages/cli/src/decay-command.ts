import { readFileSync } from 'node:fs';
import {
  ACTIVITY_UNITS,
  activityUnit,
  decayCase,
  decaySolver,
  formatDuration,
  formatInstant,
  formatActivity,
  formatNumber,
  parseDecayCase,
  parseDuration,
  parseInstant,
  parseQuantity,
  resolveNuclide,
  atomsOf,
  seconds,
  type Dataset,
  type Seconds,
  type ZonedInstant,
} from '@halflife/nuclear';
import { CliError, unwrap } from './cli-error.js';
import { formatTable } from './table.js';

export interface DecayOptions {
  readonly from?: string;
  readonly to?: string;
  readonly after?: string;
  readonly unit?: string;
  readonly json?: boolean;
  readonly decays?: boolean;
}

interface Interval {
  readonly duration: Seconds;
  readonly from?: ZonedInstant;
  readonly to?: ZonedInstant;
}

/** `halflife decay Lu-177 7.4GBq [Lu-177m 150kBq …] (--after 10d | --from T --to T)`. */
export function decayCommand(
  data: Dataset,
  args: readonly string[],
  options: DecayOptions,
): string {
  if (args.length === 0 || args.length % 2 !== 0) {
    throw new CliError(
      'give nuclides and amounts in pairs, e.g. halflife decay Lu-177 7.4GBq --after 2d',
      2,
    );
  }
  const inventory = new Map<string, number>();
  const given: string[] = [];
  for (let k = 0; k < args.length; k += 2) {
    const nuclide = unwrap(resolveNuclide(data, args[k] as string));
    const quantity = unwrap(parseQuantity(args[k + 1] as string));
    const count = unwrap(atomsOf(nuclide, quantity));
    inventory.set(nuclide.name, (inventory.get(nuclide.name) ?? 0) + count);
    given.push(`${nuclide.name} ${args[k + 1] as string}`);
  }
  const interval = intervalOf(options);
  const display = options.unit === undefined ? undefined : unwrap(activityUnit(options.unit));
  const solver = decaySolver(data, inventory);
  const state = solver.at(interval.duration);
  const decays = options.decays ? solver.decays(interval.duration) : undefined;

  if (options.json) {
    return JSON.stringify(
      {
        dataset: data.name,
        inventory: Object.fromEntries(inventory),
        from: interval.from ? formatInstant(interval.from) : undefined,
        to: interval.to ? formatInstant(interval.to) : undefined,
        seconds: interval.duration,
        members: state.members.map((m, i) => ({
          nuclide: m.name,
          halfLifeS: Number.isFinite(m.halfLife) ? m.halfLife : null,
          activityBq: state.activities[i],
          activity: display ? (state.activities[i] as number) / ACTIVITY_UNITS[display] : undefined,
          unit: display,
          atoms: state.atoms[i],
          decays: decays?.[i],
        })),
      },
      null,
      2,
    );
  }

  const header = ['nuclide', 'half-life', 'activity', 'atoms'];
  if (decays) header.push('decays in interval');
  const rows = state.members.map((m, i) => {
    const row = [
      m.name,
      formatDuration(m.halfLife),
      formatActivity(state.activities[i] as number, display),
      formatNumber(state.atoms[i] as number),
    ];
    if (decays) row.push(formatNumber(decays[i] as number));
    return row;
  });
  const when =
    interval.from && interval.to
      ? `from ${formatInstant(interval.from)} to ${formatInstant(interval.to)} (${formatDuration(interval.duration)})`
      : `after ${formatDuration(interval.duration)}`;
  return `${given.join(' + ')}, ${when} — ${data.name}\n\n${formatTable(header, rows)}`;
}

function intervalOf(options: DecayOptions): Interval {
  if (options.after !== undefined) {
    if (options.to !== undefined) throw new CliError('give either --after or --to, not both', 2);
    const duration = unwrap(parseDuration(options.after));
    if (options.from === undefined) return { duration };
    const from = unwrap(parseInstant(options.from));
    const end = from.epochMs + duration * 1000;
    // Dates end at ±8.64e15 ms (year 275760); the decay itself does not need a calendar.
    if (!(Math.abs(end) <= 8.64e15)) return { duration, from };
    const to = { epochMs: end, zone: from.zone } as ZonedInstant;
    return { duration, from, to };
  }
  if (options.from === undefined || options.to === undefined) {
    throw new CliError('give the decay time: --after 10d, or --from and --to with time zones', 2);
  }
  const from = unwrap(parseInstant(options.from));
  const to = unwrap(parseInstant(options.to));
  if (to.epochMs < from.epochMs)
    throw new CliError(`--to ${options.to} is before --from ${options.from}`);
  return { duration: seconds((to.epochMs - from.epochMs) / 1000), from, to };
}

/**
 * `halflife decay --batch FILE`: JSON lines in, one JSON line out per case. A bad line yields
 * {"id", "error"} on its line and a message on standard error; the exit status is then 1.
 */
export function decayBatch(
  data: Dataset,
  file: string,
  write: (line: string) => void,
  warn: (line: string) => void,
): number {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let failures = 0;
  text.split(/\r?\n/).forEach((line, k) => {
    if (line.trim() === '') return;
    let id: unknown = null;
    const fail = (message: string): void => {
      failures++;
      warn(`line ${k + 1}: ${message}`);
      write(JSON.stringify({ id, error: message }));
    };
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      fail('not valid JSON');
      return;
    }
    // The id goes back on the error line too, so results can be paired with cases.
    if (typeof json === 'object' && json !== null && 'id' in json) id = json.id;
    const parsed = parseDecayCase(json);
    if (!parsed.ok) return fail(parsed.error.message);
    try {
      const result = decayCase(data, parsed.value);
      if (!result.ok) return fail(result.error.message);
      write(JSON.stringify(result.value));
    } catch (e) {
      // One case the engine cannot settle must not stop the rest of the batch.
      fail(e instanceof Error ? e.message : String(e));
    }
  });
  return failures === 0 ? 0 : 1;
}
