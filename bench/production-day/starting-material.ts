import { CYCLOTRON_TARGETS } from '@halflife/nuclear';
import { decayed, halfLifeSeconds, type DrawLedger } from './draw-ledger.js';
import type { SimApi } from './sim-api.js';
import { isoIn, type SimServer } from './sim-server.js';
import type {
  BatchSummary,
  CyclotronRunView,
  GeneratorDetail,
  GeneratorView,
  LotView,
} from './sim-types.js';

/**
 * The starting material a recipe step draws, made or found over the API at the site of the batch:
 * an elution of one of the site's generators of the right daughter, a cyclotron run, or a bulk lot
 * (one with enough left, else a new lot). Resumable: an eluate made for the batch and not drawn
 * yet, a run or lot labelled with the batch number, are used again after a restart.
 */

export interface MaterialContext {
  readonly api: SimApi;
  readonly server: SimServer;
  readonly ledger: DrawLedger;
  /** The window's clock at its start: eluates made since then are this window's. */
  readonly windowStart: number;
}

export interface Material {
  /** One source, or several pooled with their shares (MBq) adding up to `activityMBq`. */
  readonly draws: readonly {
    readonly kind: string;
    readonly source: string;
    readonly activityMBq?: number;
  }[];
  /** The activity drawn, MBq (the step's activityMBq field). */
  readonly activityMBq: number;
}

type Kind = 'generator-elution' | 'cyclotron-run' | 'bulk-lot';

/** Assumptions of the simulation (demo): what of the drawn activity reaches the EOS. */
const CYCLOTRON_YIELD = 0.6;
const LABELLING_YIELD = 0.9;
/** A cyclotron run for one batch: 40 µA for 90 minutes, ending a minute before the step. */
const BEAM_UA = 40;
const BOMBARDMENT_MIN = 90;
/** Bulk lots the simulation buys when a site has none with enough left (labels say so). */
const LOT_PROFILE: Readonly<Record<string, string>> = {
  'Lu-177': 'Lu-177 no-carrier-added',
  'Ac-225': 'Ac-225 accelerator',
};
const MINUTE = 60_000;

/** The material for the step, or undefined when the server refused (a finding is recorded). */
export async function materialFor(
  ctx: MaterialContext,
  batch: BatchSummary,
  kind: Kind,
  fieldMaxMBq: number,
): Promise<Material | undefined> {
  switch (kind) {
    case 'generator-elution':
      return elution(ctx, batch, fieldMaxMBq);
    case 'cyclotron-run':
      return cyclotronRun(ctx, batch, fieldMaxMBq);
    case 'bulk-lot':
      return bulkLot(ctx, batch, fieldMaxMBq);
  }
}

/** MBq to draw: `bq` (a minute from now), to the kBq below, never above the field's maximum. */
function drawMBq(bq: number, fieldMaxMBq: number): number {
  return Math.floor(Math.min(bq / 1e6, fieldMaxMBq) * 1000) / 1000;
}

/**
 * The eluates for a Ga-68 (or Tc-99m, Pb-212) batch: the site's generators are eluted, best first,
 * until their eluates hold what the plan's EOS needs (the planner plans on the site's pooled
 * generators); several eluates are drawn as one step's pooled draws, each with its share.
 */
async function elution(
  ctx: MaterialContext,
  batch: BatchSummary,
  fieldMaxMBq: number,
): Promise<Material | undefined> {
  const { api, server, ledger } = ctx;
  const n = batch.batchNumber;
  const list = await api.call<{ generators: GeneratorView[] }>(
    'supply lookup',
    'radiopharmacist',
    'GET',
    `/api/generators?siteId=${batch.siteId}`,
    { batch: n },
  );
  if (!list.ok) return undefined;
  const details: GeneratorDetail[] = [];
  for (const g of list.body.generators.filter((x) => x.daughter === batch.nuclide && !x.retired)) {
    const d = await api.call<GeneratorDetail>(
      'supply lookup',
      'radiopharmacist',
      'GET',
      `/api/generators/${g.id}`,
      { batch: n },
    );
    if (d.ok) details.push(d.body);
  }
  const then = server.now() + MINUTE;
  // What the plan's EOS needs now: its activity at EOS over the labelling yield, decayed back.
  const need = decayed(
    batch.nuclide,
    batch.expectedEosBq / LABELLING_YIELD,
    Date.parse(batch.eosAt),
    then,
  );
  // Eluates made for this batch before a restart (or whose answer the kill cut off).
  const made: { id: string; generator: string; at: number; bq: number }[] = details.flatMap((g) =>
    g.elutions
      .filter(
        (e) =>
          Date.parse(e.at) >= ctx.windowStart &&
          (e.measuredActivityBq ?? 0) > 0 &&
          !ledger.isDrawn(e.id) &&
          (ledger.claimedBy(e.id) ?? batch.id) === batch.id,
      )
      .map((e) => ({
        id: e.id,
        generator: g.id,
        at: Date.parse(e.at),
        bq: e.measuredActivityBq ?? 0,
      })),
  );
  const left = (e: { at: number; bq: number }) => decayed(batch.nuclide, e.bq, e.at, then);
  const total = () => made.reduce((sum, e) => sum + left(e), 0);
  const candidates = details
    .filter((g) => (g.now?.eluateBq ?? 0) > 0 && !made.some((e) => e.generator === g.id))
    .sort((a, b) => (b.now?.eluateBq ?? 0) - (a.now?.eluateBq ?? 0));
  for (const g of candidates) {
    if (made.length > 0 && total() >= need) break;
    const at = server.now();
    const bq = Math.floor(g.now?.eluateBq ?? 0);
    const r = await api.call<{ elution: { id: string } }>(
      'elution',
      'radiopharmacist',
      'POST',
      `/api/generators/${g.id}/elutions`,
      { json: { at: isoIn(at, batch.siteZone), measuredActivityBq: bq }, batch: n },
    );
    if (!r.ok) return undefined;
    made.push({ id: r.body.elution.id, generator: g.id, at, bq });
  }
  if (made.length === 0) {
    console.log(`  ? ${n}: no ${batch.nuclide} generator with an eluate at the site`);
    return undefined;
  }
  for (const e of made) ledger.claim(e.id, batch.id);
  // Each share to the kBq below; the step's activity is their sum, within the field's maximum.
  let room = fieldMaxMBq;
  const shares = made.map((e) => {
    const mbq = drawMBq(left(e), room);
    room -= mbq;
    return { kind: 'generator-elution', source: e.id, activityMBq: mbq };
  });
  const drawn = shares.filter((x) => x.activityMBq > 0);
  const activityMBq = Math.round(drawn.reduce((sum, x) => sum + x.activityMBq, 0) * 1000) / 1000;
  return drawn.length === 1
    ? { draws: [{ kind: 'generator-elution', source: drawn[0]!.source }], activityMBq }
    : { draws: drawn, activityMBq };
}

async function cyclotronRun(
  ctx: MaterialContext,
  batch: BatchSummary,
  fieldMaxMBq: number,
): Promise<Material | undefined> {
  const { api, server } = ctx;
  const n = batch.batchNumber;
  const target = CYCLOTRON_TARGETS.find((t) => t.product === batch.nuclide);
  if (!target) {
    console.log(`  ? ${n}: no cyclotron target makes ${batch.nuclide}`);
    return undefined;
  }
  const label = `simulation: run for batch ${n}`;
  const since = isoIn(ctx.windowStart - 6 * 60 * MINUTE, batch.siteZone);
  const runs = await api.call<{ runs: CyclotronRunView[] }>(
    'supply lookup',
    'radiopharmacist',
    'GET',
    `/api/cyclotron-runs?siteId=${batch.siteId}&from=${encodeURIComponent(since)}`,
    { batch: n },
  );
  if (!runs.ok) return undefined;
  let run = runs.body.runs.find((r) => r.label === label);
  if (!run) {
    const end = server.now() - MINUTE;
    const saturation = 1 - Math.pow(2, -(BOMBARDMENT_MIN * 60) / halfLifeSeconds(target.produced));
    const eob = target.saturationYieldBqPerUA.value * BEAM_UA * saturation;
    const made = await api.call<CyclotronRunView>(
      'cyclotron run',
      'radiopharmacist',
      'POST',
      '/api/cyclotron-runs',
      {
        json: {
          siteId: batch.siteId,
          target: target.id,
          beamCurrentUA: BEAM_UA,
          startAt: isoIn(end - BOMBARDMENT_MIN * MINUTE, batch.siteZone),
          endAt: isoIn(end, batch.siteZone),
          measuredActivityBq: Math.floor(eob),
          label,
        },
        batch: n,
      },
    );
    if (!made.ok) return undefined;
    run = made.body;
  }
  const left = leftIn(
    ctx,
    batch.nuclide,
    run.id,
    run.measuredActivityBq ?? 0,
    Date.parse(run.endAt),
  );
  const need = batch.expectedEosBq / CYCLOTRON_YIELD;
  return {
    draws: [{ kind: 'cyclotron-run', source: run.id }],
    activityMBq: drawMBq(Math.min(left, need), fieldMaxMBq),
  };
}

async function bulkLot(
  ctx: MaterialContext,
  batch: BatchSummary,
  fieldMaxMBq: number,
): Promise<Material | undefined> {
  const { api, server } = ctx;
  const n = batch.batchNumber;
  const need = Math.min(batch.expectedEosBq / LABELLING_YIELD, fieldMaxMBq * 1e6);
  const label = `simulation: lot bought for batch ${n}`;
  const list = await api.call<{ lots: LotView[] }>(
    'supply lookup',
    'radiopharmacist',
    'GET',
    `/api/lots?siteId=${batch.siteId}`,
    { batch: n },
  );
  if (!list.ok) return undefined;
  const soon = server.now() + 60 * MINUTE;
  const usable = list.body.lots
    .filter((l) => l.nuclide === batch.nuclide)
    .filter((l) => l.expiresAt === null || Date.parse(l.expiresAt) > soon)
    .map((l) => ({
      lot: l,
      left: leftIn(ctx, batch.nuclide, l.id, l.activityBq, Date.parse(l.referenceAt)),
    }));
  let chosen =
    usable.find((u) => u.lot.label === label) ??
    usable.filter((u) => u.left >= need * 1.05).sort((a, b) => b.left - a.left)[0];
  if (!chosen) {
    const profile = LOT_PROFILE[batch.nuclide];
    if (!profile) {
      console.log(`  ? ${n}: no lot of ${batch.nuclide} at the site and no profile to buy one`);
      return undefined;
    }
    const now = server.now();
    const made = await api.call<LotView>('lot', 'radiopharmacist', 'POST', '/api/lots', {
      json: {
        siteId: batch.siteId,
        supplier: 'Simulation supplier (demo data)',
        profile,
        activityBq: Math.ceil(need * 4),
        referenceAt: isoIn(now - MINUTE, batch.siteZone),
        expiresAt: isoIn(now + 7 * 24 * 60 * MINUTE, batch.siteZone),
        label,
      },
      batch: n,
    });
    if (!made.ok) return undefined;
    chosen = {
      lot: made.body,
      left: leftIn(ctx, batch.nuclide, made.body.id, made.body.activityBq, now - MINUTE),
    };
  }
  return {
    draws: [{ kind: 'bulk-lot', source: chosen.lot.id }],
    activityMBq: drawMBq(Math.min(chosen.left, need), fieldMaxMBq),
  };
}

/** What is left in a supply record a minute from now, after the draws the records show. */
function leftIn(
  ctx: MaterialContext,
  nuclide: string,
  id: string,
  bq: number,
  atMs: number,
): number {
  const then = ctx.server.now() + MINUTE;
  const drawn = ctx.ledger
    .drawnFrom(id)
    .reduce((sum, d) => sum + decayed(nuclide, d.bq, d.atMs, then), 0);
  return decayed(nuclide, bq, atMs, then) - drawn;
}
