import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('dispatch');

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
      setErrors({ message: t('replacement.chooseOne'), issues: [] });
      return;
    }
    setBusy(true);
    setSent(orderIds);
    const { data, error } = await api.POST('/api/shipments/{id}/replacements', {
      params: { path: { id: shipment.id } },
      body: { orderIds },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('replacement.startFailed')));
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
        <h2 id="replacement-title">{t('replacement.title')}</h2>
      </div>
      <p className="small">{t('replacement.intro', { count: doses.length })}</p>
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
                  {t('replacement.replace', { dose: doseName(d), product: d.productName })}{' '}
                  {d.atUse
                    ? t('replacement.atUse', {
                        amount: formatActivity(d.atUse.activityBq, unit),
                        dev: deviationText(d.atUse.deviation),
                        tol: d.tolerancePct,
                      })
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
            {busy ? t('replacement.starting') : t('replacement.start')}
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
              aria-label={t('replacement.progress')}
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
              {t('replacement.open')}
            </a>{' '}
            <span className="muted">{t('replacement.toReview')}</span>
          </p>
        </div>
      )}
    </div>
  );
}
