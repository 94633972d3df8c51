import type { Plan } from '@halflife/planner';
import { serverText } from '../i18n/server-texts.js';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  errorText,
  type PlanRecord,
  type PlanSummary,
  type WorkingDay,
} from '../api/client.js';
import { currentLocale, localeNumber } from '../i18n/i18n.js';
import { numberLocale } from '../i18n/locale.js';
import { formatNumber, type DisplayUnit } from '../units.js';
import { PlanDetail, RENDER_MARKS } from './plan-detail.js';
import { progressOfEvent } from './plan-events.js';
import { horizonText } from './plan-horizon.js';
import type { ReplanBody } from './replan.js';
import './plans.css';

/** Days a new plan covers unless the planner picks another (the server's default too). */
const DEFAULT_DAYS = 3;
const DAY_CHOICES = [1, 2, 3, 4, 5, 6, 7] as const;

function planInUrl(): string | undefined {
  return new URLSearchParams(window.location.search).get('plan') ?? undefined;
}

function showInUrl(id: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('plan', id);
  window.history.replaceState(window.history.state, '', url);
}

/** Plans: ask for one, watch it run, read its figures, timeline and unserved orders, commit, re-plan. */
export function PlansScreen({ unit, day }: { unit: DisplayUnit; day: WorkingDay }) {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [record, setRecord] = useState<PlanRecord | undefined>();
  const [base, setBase] = useState<Plan | undefined>();
  const [date, setDate] = useState(day.date);
  const [days, setDays] = useState(DEFAULT_DAYS);
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const current = useRef<string | undefined>(undefined);
  const { t } = useTranslation('plans');

  const load = useCallback(async () => {
    const r = await api.GET('/api/plans', { params: { query: { limit: 50 } } });
    if (r.data) setPlans(r.data.plans);
    else setMessage(errorText(r.error, t('loadFailed')));
  }, []);

  /** The whole record with its instance (names); a re-plan also fetches the plan it is based on. */
  const fetchFull = useCallback(async (id: string) => {
    const r = await api.GET('/api/plans/{id}', {
      params: { path: { id }, query: { instance: 'true' } },
    });
    if (current.current !== id) return;
    if (!r.data) return setMessage(errorText(r.error, t('openFailed')));
    performance.mark(RENDER_MARKS.data, { detail: id });
    setRecord(r.data);
    const basedOn = r.data.basedOn;
    if (basedOn && r.data.plan) {
      const b = await api.GET('/api/plans/{id}', {
        params: { path: { id: basedOn }, query: { instance: 'false' } },
      });
      if (current.current === id) setBase(b.data?.plan ?? undefined);
    }
  }, []);

  const open = useCallback(
    async (id: string) => {
      performance.clearMarks();
      performance.mark(RENDER_MARKS.open, { detail: id });
      current.current = id;
      setBase(undefined);
      showInUrl(id);
      await fetchFull(id);
    },
    [fetchFull],
  );

  useEffect(() => {
    void load();
    const id = planInUrl();
    if (id) void open(id);
  }, [load, open]);

  // While any plan runs, the list is polled; while the open one runs, its progress.
  const running = plans.some((p) => p.status === 'running');
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void load(), 2000);
    return () => clearInterval(timer);
  }, [running, load]);
  // The open plan's progress streams from the server (Server-Sent Events) until it is done.
  const openRunning = record?.status === 'running' ? record.id : undefined;
  useEffect(() => {
    if (!openRunning) return undefined;
    const events = new EventSource(`/api/plans/${openRunning}/events`);
    events.addEventListener('progress', (e: MessageEvent) => {
      const progress = progressOfEvent(e.data);
      if (!progress || current.current !== openRunning) return;
      setRecord((old) => (old && old.id === openRunning ? { ...old, progress } : old));
    });
    events.addEventListener('done', () => {
      events.close();
      if (current.current !== openRunning) return;
      void fetchFull(openRunning).then(load);
    });
    return () => events.close();
  }, [openRunning, fetchFull, load]);

  async function ask() {
    setBusy(true);
    const r = await api.POST('/api/plans', { body: { date, days, method: 'auto' } });
    setBusy(false);
    setMessage(
      r.data
        ? t('planning', { horizon: horizonText(date, days) })
        : errorText(r.error, t('startFailed')),
    );
    await load();
    if (r.data) await open(r.data.id);
  }
  async function commit(id: string) {
    setBusy(true);
    const r = await api.POST('/api/plans/{id}/commit', { params: { path: { id } } });
    setBusy(false);
    setMessage(
      r.data
        ? t('committed', {
            planned: r.data.planned,
            kept: r.data.kept,
            released: r.data.released,
          })
        : errorText(r.error, t('commitFailed')),
    );
    await load();
    await fetchFull(id);
  }
  async function replan(id: string, body: ReplanBody) {
    setBusy(true);
    const r = await api.POST('/api/plans/{id}/replan', { params: { path: { id } }, body });
    setBusy(false);
    setMessage(r.data ? t('replanning') : errorText(r.error, t('replanFailed')));
    await load();
    if (r.data) {
      await open(r.data.id);
      window.scrollTo({ top: 0 });
    }
  }

  return (
    <section aria-labelledby="plans-title" className="plans">
      <h1 id="plans-title">{t('title')}</h1>
      <div className="card form-row">
        <label>
          {t('dateToPlan')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          {t('daysAhead')}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {DAY_CHOICES.map((n) => (
              <option key={n} value={n}>
                {t('dayChoice', { count: n })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={busy} onClick={() => void ask()}>
          {days === 1 ? t('planThisDay') : t('planDays', { n: days })}
        </button>
        <p className="muted small plans-horizon-hint">{t('horizonHint')}</p>
        {message && (
          <p className="muted plans-message" role="status">
            {message}
          </p>
        )}
      </div>
      <div className="card flush plans-list">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('column.date')}</th>
              <th scope="col">{t('column.status')}</th>
              <th scope="col">{t('column.method')}</th>
              <th scope="col" className="num">
                {t('column.served')}
              </th>
              <th scope="col" className="num">
                {t('column.batches')}
              </th>
              <th scope="col" className="num">
                {t('column.cost')}
              </th>
              <th scope="col" className="num">
                {t('column.gap')}
              </th>
              <th scope="col" className="wide">
                {t('column.created')}
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id} aria-selected={p.id === record?.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    aria-label={t('openPlan', {
                      horizon: horizonText(p.date, p.days),
                      time: new Date(p.createdAt).toLocaleTimeString(numberLocale(currentLocale())),
                    })}
                    onClick={() => void open(p.id)}
                  >
                    {p.days === 1 ? p.date : horizonText(p.date, p.days)}
                  </button>
                  {p.basedOn && <span className="muted small"> {t('replanTag')}</span>}
                </th>
                <td>
                  <span className={`status status-${p.status}`}>{t(`status.${p.status}`)}</span>
                  {p.status === 'running' && p.progress.message && (
                    <span className="muted small"> {serverText(p.progress.message)}</span>
                  )}
                </td>
                <td>{t(`method.${p.method}`)}</td>
                <td className="num">{p.served === null ? '—' : `${p.served} / ${p.orders}`}</td>
                <td className="num">{p.batches ?? '—'}</td>
                <td className="num">
                  {p.costTotal === null ? '—' : localeNumber(Math.round(p.costTotal))}
                </td>
                <td className="num">{p.gap === null ? '—' : `${formatNumber(p.gap * 100)} %`}</td>
                <td className="wide">
                  {new Date(p.createdAt).toLocaleString(numberLocale(currentLocale()))}
                </td>
              </tr>
            ))}
            {plans.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {t('noPlans')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {record && (
        <PlanDetail
          key={record.id}
          record={record}
          base={base}
          unit={unit}
          busy={busy}
          onCommit={() => void commit(record.id)}
          onReplan={(body) => void replan(record.id, body)}
        />
      )}
    </section>
  );
}
