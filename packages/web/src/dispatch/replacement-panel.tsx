import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import { FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { deviationText } from '../batches/batch-figures.js';
import { doseName } from './shipment-status.js';
import type { PlanSummary, ShipmentDose, ShipmentSummary } from './shipment-types.js';
import { replanText } from './replan-text.js';

/** How often the running re-plan is asked for its progress. */
const POLL_MS = 2000;

/**
 * For a planner: the doses a delay put out of tolerance, and a re-plan of replacements for those
 * chosen (a new order each, same hospital, product, activity and time). The re-plan runs on the
 * server; its progress shows here, and it is reviewed and committed in Plans.
 */
export function ReplacementPanel(props: {
  shipment: ShipmentSummary;
  doses: readonly ShipmentDose[];
  unit: DisplayUnit;
  navigate: (p: string) => void;
}) {
  const { shipment, doses, unit } = props;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(doses.map((d) => d.orderId)),
  );
  const [sent, setSent] = useState<readonly string[]>([]);
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const [plan, setPlan] = useState<PlanSummary | undefined>();

  // While the re-plan runs, its summary is asked for every few seconds.
  const running = plan?.status === 'running';
  const planId = plan?.id;
  const planDate = plan?.date;
  useEffect(() => {
    if (!running || planId === undefined || planDate === undefined) return undefined;
    const timer = setInterval(() => {
      void api.GET('/api/plans', { params: { query: { date: planDate, limit: 20 } } }).then((r) => {
        const found = r.data?.plans.find((p) => p.id === planId);
        if (found) setPlan(found);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, planId, planDate]);

  async function replan() {
    const orderIds = doses.map((d) => d.orderId).filter((id) => chosen.has(id));
    if (orderIds.length === 0) {
      setErrors({ message: 'choose at least one dose to replace', issues: [] });
      return;
    }
    setBusy(true);
    setSent(orderIds);
    const { data, error } = await api.POST('/api/shipments/{id}/replacements', {
      params: { path: { id: shipment.id } },
      body: { orderIds },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, 'the re-plan could not be started'));
    setErrors(undefined);
    setPlan(data);
  }

  const doseError = (orderId: string) => {
    const k = sent.indexOf(orderId);
    return k < 0 ? undefined : fieldError(errors, `orderIds.${k}`);
  };
  const plansHref = plan ? `/plans?plan=${plan.id}` : '/plans';

  return (
    <div className="card replacement" role="region" aria-labelledby="replacement-title">
      <div className="card-head">
        <h2 id="replacement-title">Out of tolerance after the delay</h2>
      </div>
      <p className="small">
        {doses.length === 1 ? 'This dose' : 'These doses'} will be outside the order’s tolerance
        when {doses.length === 1 ? 'it arrives' : 'they arrive'}. A re-plan makes a replacement
        order for each one chosen and plans the day again with them.
      </p>
      <ul className="replacement-doses">
        {doses.map((d) => {
          const err = doseError(d.orderId);
          return (
            <li key={d.orderId}>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={chosen.has(d.orderId)}
                  disabled={plan !== undefined}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(d.orderId);
                    else next.delete(d.orderId);
                    setChosen(next);
                  }}
                  {...(err ? { 'aria-invalid': true } : {})}
                />
                <span>
                  Replace {doseName(d)} · {d.productName} ·{' '}
                  {d.atUse
                    ? `${formatActivity(d.atUse.activityBq, unit)} at use (${deviationText(d.atUse.deviation)}, ±${d.tolerancePct}%)`
                    : ''}
                </span>
              </label>
              {err && <span className="error small field-error">{err}</span>}
            </li>
          );
        })}
      </ul>
      <FormMessage error={formError(errors, ['orderIds'])} />
      {plan === undefined ? (
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void replan()}>
            {busy ? 'Starting the re-plan…' : 'Re-plan a replacement'}
          </button>
        </div>
      ) : (
        <div className="replan-status" role="status">
          <p>
            <strong>{replanText(plan)}</strong>
          </p>
          {running && (
            <progress
              max={1}
              value={plan.progress.fraction ?? undefined}
              aria-label="Re-plan progress"
            />
          )}
          <p className="small">
            <a
              href={plansHref}
              onClick={(e) => {
                e.preventDefault();
                // The plans screen opens the plan named in the address.
                window.history.pushState(null, '', plansHref);
                props.navigate('/plans');
              }}
            >
              Open the re-plan in Plans
            </a>{' '}
            <span className="muted">to review and commit it.</span>
          </p>
        </div>
      )}
    </div>
  );
}
