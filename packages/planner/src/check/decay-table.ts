import { builtinDataset, decaySolver, type Dataset, type Seconds } from '@halflife/nuclear';

/**
 * The checker's own view of decay, straight from the decay engine: a dose (or a supply release) is
 * the pure nuclide at time zero. Evaluations are memoised per nuclide and whole-second offset: a
 * plan asks for the same few thousand offsets again and again.
 */
export interface DecayTable {
  /** Activity of the nuclide itself `seconds` after time zero ÷ its activity at zero. */
  ratio(nuclide: string, seconds: number): number;
  /**
   * Transport index per Bq of the nuclide at time zero, `seconds` later: Σ over chain members of
   * weight[member] (TI per GBq) × member activity in GBq.
   */
  transportIndexPerBq(
    nuclide: string,
    weights: Readonly<Record<string, number>>,
    seconds: number,
  ): number;
  /** Evaluations of the engine so far (memo misses). */
  readonly evaluations: () => number;
}

interface NuclideDecay {
  readonly names: readonly string[];
  /** Activities of all members ÷ the parent's activity at zero, by offset. */
  readonly memo: Map<number, Float64Array>;
  readonly evaluate: (seconds: number) => Float64Array;
}

/** Throws when a nuclide is not in the dataset (the caller reports it). */
export function decayTable(data: Dataset = builtinDataset()): DecayTable {
  const nuclides = new Map<string, NuclideDecay>();
  let evaluations = 0;

  const nuclideDecay = (nuclide: string): NuclideDecay => {
    const known = nuclides.get(nuclide);
    if (known) return known;
    const solver = decaySolver(data, new Map([[nuclide, 1]]));
    const n = solver.members.length;
    const atoms = new Float64Array(n);
    const parent = solver.members.findIndex((m) => m.name === nuclide);
    const initial = solver.at(0 as Seconds).activities[parent] as number;
    const evaluate = (seconds: number): Float64Array => {
      const activities = new Float64Array(n);
      solver.evaluate(seconds as Seconds, atoms, activities);
      for (let i = 0; i < n; i++) activities[i] = (activities[i] as number) / initial;
      evaluations++;
      return activities;
    };
    const made = { names: solver.members.map((m) => m.name), memo: new Map(), evaluate };
    // The parent comes first in the engine's order; keep it there for ratio().
    if (parent !== 0) throw new Error(`decay chain of ${nuclide} does not start with it`);
    nuclides.set(nuclide, made);
    return made;
  };

  const relative = (nuclide: string, seconds: number): [NuclideDecay, Float64Array] => {
    if (!(seconds >= 0 && Number.isFinite(seconds))) {
      throw new RangeError(`decay time must be a finite t ≥ 0 s, got ${seconds}`);
    }
    const decay = nuclideDecay(nuclide);
    let values = decay.memo.get(seconds);
    if (!values) {
      values = decay.evaluate(seconds);
      decay.memo.set(seconds, values);
    }
    return [decay, values];
  };

  return {
    ratio: (nuclide, seconds) => relative(nuclide, seconds)[1][0] as number,
    transportIndexPerBq: (nuclide, weights, seconds) => {
      const [decay, values] = relative(nuclide, seconds);
      let ti = 0;
      decay.names.forEach((name, i) => {
        ti += ((weights[name] ?? 0) * (values[i] as number)) / 1e9;
      });
      return ti;
    },
    evaluations: () => evaluations,
  };
}
