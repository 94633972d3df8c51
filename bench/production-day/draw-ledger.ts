import { builtinDataset, resolveNuclide } from '@halflife/nuclear';
import type { BatchDetail } from './sim-types.js';

/**
 * What the batch records say has been drawn from each supply record, as the simulation has read
 * them (every record it reads passes through `observe`), and which eluates it made for which batch.
 * The API shows a lot's activity but not what batches took from it, so the records are the ledger.
 */

const halfLives = new Map<string, number>();

/** The half-life in seconds from @halflife/nuclear's dataset (NUBASE2020). */
export function halfLifeSeconds(nuclide: string): number {
  const known = halfLives.get(nuclide);
  if (known !== undefined) return known;
  const found = resolveNuclide(builtinDataset(), nuclide);
  if (!found.ok) throw new Error(`nuclide ${nuclide}: ${found.error.message}`);
  halfLives.set(nuclide, found.value.halfLife);
  return found.value.halfLife;
}

/** `bq` of `nuclide` at `fromMs`, decayed (or undecayed) to `toMs`. */
export function decayed(nuclide: string, bq: number, fromMs: number, toMs: number): number {
  const t = halfLifeSeconds(nuclide);
  return Number.isFinite(t) ? bq * Math.pow(2, -(toMs - fromMs) / 1000 / t) : bq;
}

interface Draw {
  readonly source: string;
  readonly kind: string;
  readonly bq: number;
  readonly atMs: number;
}

export class DrawLedger {
  private readonly draws = new Map<string, Draw>();
  private readonly madeFor = new Map<string, string>();

  observe(detail: BatchDetail): void {
    for (const step of detail.steps) {
      const signed = step.entries[0];
      for (const m of step.materials) {
        if (m.activityBq === null || signed === undefined) continue;
        this.draws.set(m.id, {
          source: m.source,
          kind: m.kind,
          bq: m.activityBq,
          atMs: Date.parse(signed.signedAt),
        });
      }
    }
  }

  drawnFrom(source: string): readonly Draw[] {
    return [...this.draws.values()].filter((d) => d.source === source);
  }

  isDrawn(source: string): boolean {
    return this.drawnFrom(source).length > 0;
  }

  /** Remembers that an eluate was made for a batch (so no other batch takes it). */
  claim(elutionId: string, batchId: string): void {
    this.madeFor.set(elutionId, batchId);
  }

  claimedBy(elutionId: string): string | undefined {
    return this.madeFor.get(elutionId);
  }
}
