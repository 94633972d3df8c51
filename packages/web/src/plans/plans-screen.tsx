import type { Plan } from '@halflife/planner';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText, type PlanRecord, type PlanSummary } from '../api/client.js';
import { EChart } from '../charts/echart.js';
import { formatNumber } from '../units.js';
import { planTimeline } from './plan-timeline.js';
import { planTimelineOption } from './plan-timeline-option.js';

function tomorrow(): string {
  return new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
}

/** Plans: ask for one, watch it run, read its figures, timeline and unserved orders, commit. */
export function PlansScreen() {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [selected, setSelected] = useState<PlanRecord | undefined>();
  const [date, setDate] = useState(tomorrow());
  const [message, setMessage] = useState<string | undefined>();

  const load = useCallback(async () => {
    const r = await api.GET('/api/plans', { params: { query: { limit: 50 } } });
    if (r.data) setPlans(r.data.plans);
    else setMessage(errorText(r.error, 'could not load the plans'));
  }, []);
  const open = useCallback(async (id: string) => {
    const r = await api.GET('/api/plans/{id}', { params: { path: { id }, query: {} } });
    if (r.data) setSelected(r.data);
  }, []);

  useEffect(() => void load(), [load]);
  const running = plans.some((p) => p.status === 'running');
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void load(), 1500);
    return () => clearInterval(timer);
  }, [running, load]);

  async function ask() {
    const r = await api.POST('/api/plans', { body: { date, method: 'auto' } });
    setMessage(r.data ? `Planning ${date}…` : errorText(r.error, 'could not start a plan'));
    await load();
  }
  async function commit(id: string) {
    const r = await api.POST('/api/plans/{id}/commit', { params: { path: { id } } });
    setMessage(
      r.data
        ? `Committed: ${r.data.planned} orders planned, ${r.data.kept} kept, ${r.data.released} released.`
        : errorText(r.error, 'could not commit'),
    );
    await load();
    await open(id);
  }

  const plan = selected?.plan as Plan | null | undefined;
  const option = useMemo(() => (plan ? planTimelineOption(planTimeline(plan)) : undefined), [plan]);

  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">Plans</h1>
      <div className="card form-row">
        <label>
          Date to plan
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="button" className="primary" onClick={() => void ask()}>
          Plan this day
        </button>
        {message && (
          <p className="muted" role="status">
            {message}
          </p>
        )}
      </div>
      <div className="card flush">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Status</th>
              <th scope="col">Method</th>
              <th scope="col" className="num">
                Served
              </th>
              <th scope="col" className="num">
                Batches
              </th>
              <th scope="col" className="num">
                Cost
              </th>
              <th scope="col" className="num">
                Gap
              </th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id} aria-selected={p.id === selected?.id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => void open(p.id)}>
                    {p.date}
                  </button>
                </th>
                <td>
                  <span className={`status status-${p.status}`}>{p.status}</span>
                  {p.status === 'running' && p.progress.message && (
                    <span className="muted small"> {p.progress.message}</span>
                  )}
                </td>
                <td>{p.method}</td>
                <td className="num">{p.served === null ? '—' : `${p.served} / ${p.orders}`}</td>
                <td className="num">{p.batches ?? '—'}</td>
                <td className="num">{p.costTotal === null ? '—' : formatNumber(p.costTotal)}</td>
                <td className="num">{p.gap === null ? '—' : `${formatNumber(p.gap * 100)} %`}</td>
                <td>{new Date(p.createdAt).toLocaleString()}</td>
              </tr>
            ))}
            {plans.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  No plans yet: plan a day above.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {selected && (
        <div className="card">
          <div className="card-head">
            <h2>
              Plan for {selected.date} <span className="muted small">({selected.status})</span>
            </h2>
            {selected.status === 'ready' && (
              <button type="button" className="primary" onClick={() => void commit(selected.id)}>
                Commit this plan
              </button>
            )}
          </div>
          {plan ? (
            <>
              <dl className="figures">
                <div>
                  <dt>Served</dt>
                  <dd>{formatNumber(plan.summary.servedPct)} %</dd>
                </div>
                <div>
                  <dt>Orders</dt>
                  <dd>
                    {plan.summary.served} / {plan.summary.orders}
                  </dd>
                </div>
                <div>
                  <dt>Batches</dt>
                  <dd>{plan.batches.length}</dd>
                </div>
                <div>
                  <dt>Shipments</dt>
                  <dd>{plan.shipments.length}</dd>
                </div>
              </dl>
              <h3>Batches per site and line (UTC)</h3>
              {option && (
                <EChart
                  option={option}
                  height={Math.max(160, 36 * new Set(plan.batches.map((b) => b.line)).size + 90)}
                  label="Timeline of batches per site and line"
                />
              )}
              <h3>Unserved orders ({plan.unserved.length})</h3>
              {plan.unserved.length === 0 ? (
                <p className="muted">Every order is served.</p>
              ) : (
                <ul className="unserved">
                  {plan.unserved.map((u) => (
                    <li key={u.order}>
                      <code>{u.order.slice(0, 8)}</code> {u.reason}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="muted">{selected.error ?? 'The plan is not ready yet.'}</p>
          )}
        </div>
      )}
    </section>
  );
}
