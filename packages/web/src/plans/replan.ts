import type { Plan } from '@halflife/planner';
import { i18n } from '../i18n/i18n.js';
import { zonedInstant } from '../zoned-time.js';

export interface OutageForm {
  readonly site: string;
  readonly line: string;
  /** `datetime-local` values (wall time in the network's zone). */
  readonly from: string;
  readonly to: string;
  readonly now: string;
  readonly reason: string;
}

export interface ReplanBody {
  now: string;
  newOrderIds: string[];
  outages: { site: string; line: string; from: string; to?: string; reason: string }[];
}

/** The body of `POST /api/plans/{id}/replan` for one line down; an error message if incomplete. */
export function replanBody(form: OutageForm, zone: string): ReplanBody | string {
  if (!form.site || !form.line) return i18n.t('plans:replan.chooseLine');
  if (!form.from) return i18n.t('plans:replan.giveFrom');
  if (!form.now) return i18n.t('plans:replan.giveNow');
  if (form.to && form.to <= form.from) return i18n.t('plans:replan.backAfterDown');
  return {
    now: zonedInstant(form.now, zone),
    newOrderIds: [],
    outages: [
      {
        site: form.site,
        line: form.line,
        from: zonedInstant(form.from, zone),
        ...(form.to ? { to: zonedInstant(form.to, zone) } : {}),
        // Stored with the outage as it is, in English, whatever the screen's language.
        reason: form.reason.trim() || 'equipment down',
      },
    ],
  };
}

export interface PlanChanges {
  /** Orders served by both plans from another site, line, batch start or shipment departure. */
  readonly moved: number;
  /** Orders the new plan serves that the old one did not, and the reverse. */
  readonly gained: number;
  readonly lost: number;
  /** Orders served unchanged. */
  readonly kept: number;
}

/** How a re-plan changed the doses of the plan it is based on. */
export function planChanges(
  before: Pick<Plan, 'batches' | 'shipments' | 'doses'>,
  after: Pick<Plan, 'batches' | 'shipments' | 'doses'>,
): PlanChanges {
  const key = (p: Pick<Plan, 'batches' | 'shipments' | 'doses'>) => {
    const batches = new Map(p.batches.map((b) => [b.id, `${b.line}@${b.startAt}`]));
    const shipments = new Map(p.shipments.map((s) => [s.id, `${s.lane}@${s.departAt}`]));
    return new Map(
      p.doses.map((d) => [d.order, `${batches.get(d.batch)}|${shipments.get(d.shipment)}`]),
    );
  };
  const was = key(before);
  const now = key(after);
  let moved = 0;
  let kept = 0;
  let gained = 0;
  for (const [order, k] of now) {
    const old = was.get(order);
    if (old === undefined) gained++;
    else if (old === k) kept++;
    else moved++;
  }
  const lost = [...was.keys()].filter((o) => !now.has(o)).length;
  return { moved, gained, lost, kept };
}
