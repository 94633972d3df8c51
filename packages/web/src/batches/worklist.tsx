import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import { BadgeView } from './badge-view.js';
import { BATCH_STATUSES, statusBadge } from './batch-status.js';
import type { BatchStatus, BatchSummary, Site } from './batch-types.js';
import {
  plannedStart,
  startsIn,
  statusCounts,
  worklistRows,
  type WorklistTab,
} from './worklist-rows.js';
import { serverText } from '../i18n/server-texts.js';

export interface WorklistState {
  readonly date: string;
  /** A site's id, or '' for every site. */
  readonly siteId: string;
  readonly status: BatchStatus | '';
  readonly tab: WorklistTab;
}

/** The day's batch records by planned start: what starts when, what is late, what waits for the QP. */
export function Worklist(props: {
  unit: DisplayUnit;
  isQp: boolean;
  state: WorklistState;
  onState: (s: WorklistState) => void;
  onOpen: (id: string) => void;
}) {
  const { state, onState } = props;
  const [sites, setSites] = useState<Site[]>([]);
  const [batches, setBatches] = useState<BatchSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { t } = useTranslation('batches');

  useEffect(() => {
    let live = true;
    void api.GET('/api/sites').then((r) => {
      if (live && r.data) setSites([...r.data.sites].sort((a, b) => a.city.localeCompare(b.city)));
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setBatches(undefined);
    // The QP's queue spans dates: a conditional release waits days for its sterility result.
    const queue = props.isQp && state.tab === 'queue';
    const query = {
      ...(queue ? { queue: 'release' as const } : { date: state.date }),
      ...(state.siteId ? { siteId: state.siteId } : {}),
    };
    void api.GET('/api/batches', { params: { query } }).then((r) => {
      if (!live) return;
      setBatches(r.data?.batches ?? []);
      setError(r.data ? undefined : errorText(r.error, t('worklist.loadFailed')));
    });
    return () => {
      live = false;
    };
  }, [state.date, state.siteId, state.tab, props.isQp]);

  const rows = useMemo(
    () =>
      worklistRows(batches ?? [], { tab: props.isQp ? state.tab : 'all', status: state.status }),
    [batches, state.tab, state.status, props.isQp],
  );
  const counts = useMemo(() => statusCounts(batches ?? []), [batches]);
  const set = (patch: Partial<WorklistState>) => onState({ ...state, ...patch });

  return (
    <section aria-labelledby="production-title" className="batches">
      <div className="batches-title-row">
        <h1 id="production-title">{t('worklist.title')}</h1>
        <form className="batches-controls" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('worklist.date')}
            <input
              type="date"
              value={state.date}
              required
              onChange={(e) => e.target.value && set({ date: e.target.value })}
            />
          </label>
          <label>
            {t('worklist.site')}
            <select value={state.siteId} onChange={(e) => set({ siteId: e.target.value })}>
              <option value="">{t('worklist.everySite')}</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.city} · {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('worklist.status')}
            <select
              value={state.status}
              onChange={(e) => set({ status: e.target.value as BatchStatus | '' })}
            >
              <option value="">{t('worklist.anyStatus')}</option>
              {BATCH_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusBadge(s).label} ({counts.get(s) ?? 0})
                </option>
              ))}
            </select>
          </label>
        </form>
      </div>
      {props.isQp && (
        <div className="tabs" role="tablist" aria-label={t('worklist.tabs')}>
          {(
            [
              ['queue', t('worklist.queue')],
              ['all', t('worklist.all')],
            ] as const
          ).map(([tab, label]) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={state.tab === tab}
              onClick={() => set({ tab })}
            >
              {label}
              {tab === 'queue' && (
                <span className="tab-count">
                  {(counts.get('awaiting-release') ?? 0) +
                    (counts.get('conditionally-released') ?? 0)}
                </span>
              )}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="card flush" role="region" aria-label={t('worklist.records')}>
        {batches === undefined && <p className="muted batches-empty">{t('worklist.loading')}</p>}
        {batches !== undefined && rows.length === 0 && (
          <p className="muted batches-empty">
            {batches.length === 0
              ? t('worklist.noneOnDate', { date: state.date })
              : props.isQp && state.tab === 'queue'
                ? t('worklist.queueEmpty')
                : t('worklist.noMatch')}
          </p>
        )}
        {rows.length > 0 && (
          <div className="table-scroll-x">
            <table className="data batches-table">
              <thead>
                <tr>
                  <th scope="col">{t('worklist.batch')}</th>
                  <th scope="col">{t('worklist.product')}</th>
                  <th scope="col" className="wide-only">
                    {t('worklist.siteLine')}
                  </th>
                  <th scope="col">{t('worklist.plannedStart')}</th>
                  <th scope="col">{t('worklist.status')}</th>
                  <th scope="col">{t('worklist.late')}</th>
                  <th scope="col" className="num">
                    {t('worklist.doses')}
                  </th>
                  <th scope="col" className="num">
                    {t('worklist.deviations')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">
                      <a
                        href={`/batches/${b.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          props.onOpen(b.id);
                        }}
                      >
                        {b.batchNumber}
                      </a>
                    </th>
                    <td>{b.productName}</td>
                    <td className="wide-only">
                      {b.siteName}
                      <span className="muted small block">{b.lineName}</span>
                    </td>
                    <td className="nowrap" title={b.siteZone}>
                      {plannedStart(b)}
                      <span className="muted small block">{startsIn(b)}</span>
                    </td>
                    <td>
                      <BadgeView badge={statusBadge(b.status)} />
                    </td>
                    <td className={b.late ? 'late' : 'muted'}>
                      {b.late === null ? '—' : serverText(b.late)}
                    </td>
                    <td className="num">{b.doses}</td>
                    <td className={`num${b.deviations > 0 ? ' attention' : ''}`}>{b.deviations}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <p className="muted small">{t('worklist.footnote')}</p>
    </section>
  );
}
