import { formatBq, formatTime } from './format.js';
import type { BatchView, CheckContext } from './check-context.js';
import { atMost, close, sameSecond } from './instant.js';
import { describeSpans, spansOf, withinOne, type Span } from './intervals.js';

/** Rules 1 and 2 for each batch on its own: times, window, line, activity, maximum. */
export function checkBatches(ctx: CheckContext): void {
  const { report, horizon } = ctx;
  const at = (t: number): string => formatTime(t, ctx.day);
  const openBySite = new Map<string, Span[]>();
  for (const site of ctx.instance.sites) {
    openBySite.set(site.id, spansOf(ctx, site.open, `site ${site.id}`, 'open'));
  }
  for (const view of ctx.batches.values()) {
    const { batch, subject, product, start, eos, release } = view;
    const site = ctx.sites.get(batch.site);
    if (!site) report('reference', subject, `Site ${batch.site} is not in the instance.`);
    const line = site?.lines.find((l) => l.id === batch.line);
    if (site && !line) {
      report('batch-line', subject, `Line ${batch.line} is not a line of site ${site.id}.`);
    } else if (line && !line.products.includes(batch.product)) {
      report(
        'batch-line',
        subject,
        `Line ${line.id} of site ${batch.site} does not make ${batch.product}.`,
      );
    }
    if (!product || start === undefined || eos === undefined || release === undefined) continue;

    const wantEos = start + product.synthesisMinutes * 60;
    if (!sameSecond(eos, wantEos)) {
      report(
        'batch-times',
        subject,
        `EOS is ${at(eos)}, but start ${at(start)} + ${product.synthesisMinutes} min synthesis is ${at(wantEos)}.`,
      );
    }
    const wantRelease = eos + product.qcMinutes * 60;
    if (!sameSecond(release, wantRelease)) {
      report(
        'batch-times',
        subject,
        `Release is ${at(release)}, but EOS ${at(eos)} + ${product.qcMinutes} min QC is ${at(wantRelease)}.`,
      );
    }
    const last = Math.max(release, eos, start);
    if (!batch.fixed && site) {
      const open = openBySite.get(site.id) ?? [];
      if (!withinOne(open, start, last)) {
        report(
          'batch-window',
          subject,
          `Runs ${at(start)}–${at(last)} (start to release), not inside one open interval of site ${site.id} (${describeSpans(open, at)}).`,
        );
      }
      if (horizon && (start < horizon.start || last > horizon.end)) {
        report(
          'batch-window',
          subject,
          `Runs ${at(start)}–${at(last)} (start to release), outside the horizon ${at(horizon.start)}–${at(horizon.end)}.`,
        );
      }
    }
    checkActivity(ctx, view);
  }
}

function checkActivity(ctx: CheckContext, view: BatchView): void {
  const { batch, subject, product } = view;
  if (!product) return;
  const { startActivityBq: startBq, eosActivityBq: eosBq } = batch;
  if (!(startBq > 0 && Number.isFinite(startBq) && eosBq > 0 && Number.isFinite(eosBq))) {
    ctx.report(
      'batch-activity',
      subject,
      `Activities must be positive numbers: start ${startBq} Bq, EOS ${eosBq} Bq.`,
    );
    return;
  }
  const want = startBq * product.radiochemicalYield;
  if (!close(eosBq, want)) {
    ctx.report(
      'batch-activity',
      subject,
      `EOS activity ${formatBq(eosBq)} is not the starting ${formatBq(startBq)} × yield ${product.radiochemicalYield} = ${formatBq(want)}.`,
    );
  }
  if (!batch.fixed && !atMost(eosBq, product.maxBatchBq)) {
    ctx.report(
      'batch-max',
      subject,
      `EOS activity ${formatBq(eosBq)} is above the ${product.id} batch maximum of ${formatBq(product.maxBatchBq)}.`,
    );
  }
}

/** Rule 1: no two batches on a line overlap in [start, EOS), none meets an outage. */
export function checkLines(ctx: CheckContext): void {
  const at = (t: number): string => formatTime(t, ctx.day);
  const byLine = new Map<string, { view: BatchView; start: number; eos: number }[]>();
  for (const view of ctx.batches.values()) {
    const { start, eos } = view;
    if (start === undefined || eos === undefined) continue;
    const key = `${view.batch.site}\u0000${view.batch.line}`;
    const list = byLine.get(key) ?? [];
    list.push({ view, start, eos });
    byLine.set(key, list);
  }
  for (const list of byLine.values()) {
    list.sort((a, b) => a.start - b.start || a.eos - b.eos);
    let longest: (typeof list)[number] | undefined;
    for (const item of list) {
      if (
        longest &&
        item.start < longest.eos &&
        !(item.view.batch.fixed && longest.view.batch.fixed)
      ) {
        const { batch } = item.view;
        ctx.report(
          'batch-overlap',
          item.view.subject,
          `Synthesis ${at(item.start)}–${at(item.eos)} on line ${batch.line} of site ${batch.site} overlaps batch ${longest.view.batch.id} (${at(longest.start)}–${at(longest.eos)}).`,
        );
      }
      if (!longest || item.eos > longest.eos) longest = item;
    }
  }
  for (const [i, outage] of (ctx.instance.outages ?? []).entries()) {
    const subject = `outage ${i} (${outage.site}/${outage.line})`;
    const from = ctx.time(outage.from, subject, 'from');
    const to = outage.to === undefined ? Infinity : ctx.time(outage.to, subject, 'to');
    if (from === undefined || to === undefined) continue;
    for (const item of byLine.get(`${outage.site}\u0000${outage.line}`) ?? []) {
      if (item.view.batch.fixed || !(item.start < to && from < item.eos)) continue;
      const until = to === Infinity ? ', open-ended' : ` until ${at(to)}`;
      ctx.report(
        'batch-outage',
        item.view.subject,
        `Synthesis ${at(item.start)}–${at(item.eos)} meets the outage of line ${outage.line} at site ${outage.site} from ${at(from)}${until} (${outage.reason}).`,
      );
    }
  }
}

/** Rule 1: the instance's fixed batches are in the plan unchanged; no other batch claims to be fixed. */
export function checkFixed(ctx: CheckContext): void {
  const fixed = ctx.instance.fixedBatches ?? [];
  const ids = new Set(fixed.map((f) => f.id));
  for (const f of fixed) {
    const view = ctx.batches.get(f.id);
    const subject = `batch ${f.id}`;
    if (!view) {
      ctx.report(
        'fixed-batch',
        subject,
        `Fixed batch ${f.id} of the instance is missing from the plan.`,
      );
      continue;
    }
    const { batch, start } = view;
    const changes: string[] = [];
    if (batch.site !== f.site) changes.push(`site ${batch.site} instead of ${f.site}`);
    if (batch.line !== f.line) changes.push(`line ${batch.line} instead of ${f.line}`);
    if (batch.product !== f.product)
      changes.push(`product ${batch.product} instead of ${f.product}`);
    const fStart = ctx.time(f.startAt, `fixed batch ${f.id}`, 'startAt');
    if (start !== undefined && fStart !== undefined && start !== fStart) {
      changes.push(`start ${formatTime(start, ctx.day)} instead of ${formatTime(fStart, ctx.day)}`);
    }
    if (!close(batch.eosActivityBq, f.eosActivityBq)) {
      changes.push(
        `EOS activity ${formatBq(batch.eosActivityBq)} instead of ${formatBq(f.eosActivityBq)}`,
      );
    }
    if (!batch.fixed) changes.push('not marked fixed');
    if (changes.length > 0) {
      ctx.report('fixed-batch', subject, `Fixed batch changed: ${changes.join('; ')}.`);
    }
  }
  for (const view of ctx.batches.values()) {
    if (view.batch.fixed && !ids.has(view.batch.id)) {
      ctx.report(
        'fixed-batch',
        view.subject,
        `Marked fixed, but the instance fixes no batch ${view.batch.id}.`,
      );
    }
  }
}

/** Rule 2: the doses drawn from a batch sum to no more than its EOS activity. */
export function checkOverdrawn(ctx: CheckContext): void {
  const drawn = new Map<string, { bq: number; count: number }>();
  for (const { batch, dose } of ctx.doses) {
    const sum = drawn.get(batch.batch.id) ?? { bq: 0, count: 0 };
    sum.bq += dose.eosActivityBq;
    sum.count++;
    drawn.set(batch.batch.id, sum);
  }
  for (const [id, { bq, count }] of drawn) {
    const view = ctx.batches.get(id);
    if (!view || atMost(bq, view.batch.eosActivityBq)) continue;
    ctx.report(
      'batch-overdrawn',
      view.subject,
      `Its ${count} doses draw ${formatBq(bq)} at EOS, more than its EOS activity of ${formatBq(view.batch.eosActivityBq)}.`,
    );
  }
}
