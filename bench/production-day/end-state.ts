import { decayed } from './draw-ledger.js';
import type { BatchDetail } from './sim-types.js';

/**
 * The end state of a simulated day, as the API shows it, in a form two runs on two databases can
 * be compared by: ids differ between databases, so a batch is named by its number (and its plan
 * key: product, site, line, planned start) and a dose by its hospital, patient, calibration time
 * and ordered activity.
 */

export interface DoseEnd {
  readonly key: string;
  readonly orderStatus: string;
  /** The dispensed activity at the order's calibration time, Bq; null when not dispensed. */
  readonly calibrationBq: number | null;
}

export interface BatchEnd {
  readonly number: string;
  readonly key: string;
  readonly status: string;
  readonly stepsSigned: readonly string[];
  readonly qcVerdict: string;
  readonly signatures: readonly string[];
  readonly doses: readonly DoseEnd[];
  /** When the doses, decayed back to the measured EOS, need more than it held: both, MBq. */
  readonly eosShortfall: { readonly needMBq: number; readonly eosMBq: number } | null;
}

export function batchEnd(d: BatchDetail & { eos?: { activityBq: number } | null }): BatchEnd {
  const b = d.batch;
  const eosEntry = d.steps.find((s) => s.eos)?.entries.at(-1)?.signedAt;
  const eosAt = Date.parse(eosEntry ?? b.eosAt);
  const need = d.doses.reduce(
    (sum, x) => sum + decayed(b.nuclide, x.orderedBq, Date.parse(x.calibrationAt), eosAt),
    0,
  );
  return {
    number: b.batchNumber,
    key: `${b.productCode} @ ${b.siteName} / ${b.lineName} ${b.startAt}`,
    status: b.status,
    stepsSigned: d.steps.filter((s) => s.entries.some((e) => e.current)).map((s) => s.code),
    qcVerdict: d.qc.verdict,
    signatures: d.signatures.map((s) => `${s.meaning}:${s.valid ? 'valid' : 'BROKEN'}`),
    doses: d.doses
      .map((x) => ({
        key: `${x.hospitalName} | ${x.patientRef ?? '-'} | ${x.calibrationAt} | ${x.orderedBq}`,
        orderStatus: x.orderStatus,
        calibrationBq: x.dispensed?.calibrationBq ?? null,
      }))
      .sort((p, q) => p.key.localeCompare(q.key)),
    eosShortfall:
      d.eos != null && need > d.eos.activityBq * (1 + 1e-9)
        ? { needMBq: Math.round(need / 1e5) / 10, eosMBq: d.eos.activityBq / 1e6 }
        : null,
  };
}

export interface Comparison {
  /** Batches matched by number (false: by plan key, the numbers differ). */
  readonly byNumber: boolean;
  readonly compared: number;
  readonly differences: readonly string[];
}

/** Compares two runs' end states batch by batch; differences are named. */
export function compareEnds(a: readonly BatchEnd[], b: readonly BatchEnd[]): Comparison {
  const byNumber =
    a.length === b.length && a.every((x) => b.find((y) => y.number === x.number)?.key === x.key);
  const id = (x: BatchEnd) => (byNumber ? x.number : x.key);
  const other = new Map(b.map((y) => [id(y), y]));
  const differences: string[] = [];
  for (const x of a) {
    const y = other.get(id(x));
    if (!y) {
      differences.push(`${id(x)}: only in the first run`);
      continue;
    }
    other.delete(id(x));
    const name = byNumber ? x.number : `${x.key} (${x.number} / ${y.number})`;
    const same = (what: string, p: unknown, q: unknown) => {
      if (JSON.stringify(p) !== JSON.stringify(q)) {
        differences.push(`${name}: ${what} ${JSON.stringify(p)} ≠ ${JSON.stringify(q)}`);
      }
    };
    same('status', x.status, y.status);
    same('steps signed', x.stepsSigned, y.stepsSigned);
    same('QC verdict', x.qcVerdict, y.qcVerdict);
    same('signatures', x.signatures, y.signatures);
    same(
      'doses',
      x.doses.map((d) => d.key),
      y.doses.map((d) => d.key),
    );
    for (const [k, dx] of x.doses.entries()) {
      const dy = y.doses[k];
      if (!dy || dy.key !== dx.key) continue;
      same(`order ${dx.key} status`, dx.orderStatus, dy.orderStatus);
      const p = dx.calibrationBq;
      const q = dy.calibrationBq;
      if (
        (p === null) !== (q === null) ||
        (p !== null && q !== null && Math.abs(p - q) > 1e-9 * p)
      ) {
        differences.push(`${name}: order ${dx.key} dispensed ${p} Bq ≠ ${q} Bq at calibration`);
      }
    }
  }
  for (const y of other.values()) differences.push(`${id(y)}: only in the second run`);
  return { byNumber, compared: a.length, differences };
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}
