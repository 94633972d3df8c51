import type { SiteSpec } from '../instance.js';
import type { BatchView, CheckContext } from './check-context.js';
import { formatBq, formatTime } from './format.js';
import { SLACK } from './instant.js';

interface Started {
  readonly view: BatchView;
  readonly start: number;
  readonly bq: number;
}

/** The readable batches of a site, by nuclide. */
export function batchesByNuclide(ctx: CheckContext, site: SiteSpec): Map<string, Started[]> {
  const byNuclide = new Map<string, Started[]>();
  for (const view of ctx.batches.values()) {
    if (view.batch.site !== site.id || !view.product || view.start === undefined) continue;
    const list = byNuclide.get(view.product.nuclide) ?? [];
    list.push({ view, start: view.start, bq: view.batch.startActivityBq });
    byNuclide.set(view.product.nuclide, list);
  }
  for (const list of byNuclide.values()) list.sort((a, b) => a.start - b.start);
  return byNuclide;
}

/**
 * Rule 7: where a site has supply of a nuclide, the activity released (decayed) less the starting
 * activity of its batches (decayed) is never negative at a batch start. Parent decay is one
 * exponential, so the running balance is carried from event to event by the engine's ratio.
 */
export function checkSupply(ctx: CheckContext): void {
  for (const site of ctx.instance.sites) {
    const batches = batchesByNuclide(ctx, site);
    const nuclides = new Set(site.supply.map((s) => s.nuclide));
    for (const nuclide of nuclides) {
      const started = batches.get(nuclide);
      if (!started || !ctx.nuclideKnown(nuclide)) continue;
      const releases: { at: number; bq: number }[] = [];
      for (const supply of site.supply) {
        if (supply.nuclide !== nuclide) continue;
        for (const [i, r] of supply.releases.entries()) {
          const at = ctx.time(r.at, `site ${site.id}`, `supply ${supply.label} releases[${i}].at`);
          if (at !== undefined) releases.push({ at, bq: r.activityBq });
        }
      }
      releases.sort((a, b) => a.at - b.at);
      balance(ctx, site, nuclide, releases, started);
    }
  }
}

function balance(
  ctx: CheckContext,
  site: SiteSpec,
  nuclide: string,
  releases: readonly { at: number; bq: number }[],
  started: readonly Started[],
): void {
  let available = 0;
  let released = 0;
  let drawn = 0;
  let now = -Infinity;
  let r = 0;
  const advance = (t: number): void => {
    if (now !== -Infinity && t > now) {
      const f = ctx.decay.ratio(nuclide, t - now);
      available *= f;
      released *= f;
      drawn *= f;
    }
    now = t;
  };
  for (let b = 0; b < started.length;) {
    const t = (started[b] as Started).start;
    for (; r < releases.length && (releases[r] as { at: number }).at <= t; r++) {
      const release = releases[r] as { at: number; bq: number };
      advance(release.at);
      available += release.bq;
      released += release.bq;
    }
    advance(t);
    const here: Started[] = [];
    for (; b < started.length && (started[b] as Started).start === t; b++) {
      const item = started[b] as Started;
      here.push(item);
      available -= item.bq;
      drawn += item.bq;
    }
    if (available < -SLACK * Math.max(released, drawn)) {
      const first = here[0] as Started;
      const at = formatTime(t, ctx.day);
      ctx.report(
        'supply',
        first.view.subject,
        `At its start ${at} site ${site.id} has ${formatBq(released)} of ${nuclide} released (decayed to ${at}) but its batches started so far have drawn ${formatBq(drawn)} (decayed): short by ${formatBq(-available)}.`,
      );
    }
  }
}
