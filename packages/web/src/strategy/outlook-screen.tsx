import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import { EChart, type EChartOption } from '../charts/echart.js';
import { AllocationCard } from './allocation-card.js';
import { outlookChartOption } from './outlook-chart-option.js';
import {
  backTestLines,
  gbq,
  percent,
  probabilityText,
  riskOf,
  riskSummary,
  outlookText,
} from './outlook-text.js';
import type { Outlook } from './outlook-types.js';
import './outlook.css';

interface Query {
  nuclide: string;
  site: string;
  weeks: number;
  growthPct: number;
  extraWeekly: number;
}

const HORIZONS = [13, 26, 52, 104];

/**
 * The supply analyst's outlook (issue 16): per nuclide and site, weekly demand (forecast with
 * 80/95% bands, the known therapy cycles, the scenario) against the supply the records give, the
 * weeks at risk, the forecast's back-test, and an allocation of the worst week to adjust.
 */
export function OutlookScreen() {
  const [nuclides, setNuclides] = useState<string[]>([]);
  const [sites, setSites] = useState<{ id: string; name: string }[]>([]);
  const [draft, setDraft] = useState<Query>({
    nuclide: '',
    site: '',
    weeks: 26,
    growthPct: 0,
    extraWeekly: 0,
  });
  const [query, setQuery] = useState<Query | undefined>();
  const [outlook, setOutlook] = useState<Outlook | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const { t, i18n } = useTranslation('strategy');

  useEffect(() => {
    let live = true;
    void Promise.all([api.GET('/api/products'), api.GET('/api/sites')]).then(([p, s]) => {
      if (!live) return;
      if (!p.data) return setError(errorText(p.error, t('productsFailed')));
      const found = [...new Set(p.data.products.map((x) => x.nuclide))].sort();
      setNuclides(found);
      setSites((s.data?.sites ?? []).map((x) => ({ id: x.id, name: x.name })));
      const first = found.includes('Lu-177') ? 'Lu-177' : (found[0] ?? '');
      const start = { nuclide: first, site: '', weeks: 26, growthPct: 0, extraWeekly: 0 };
      setDraft(start);
      setQuery(start);
    });
    return () => {
      live = false;
    };
  }, [t]);

  useEffect(() => {
    if (!query?.nuclide) return undefined;
    let live = true;
    setLoading(true);
    void api
      .GET('/api/strategy/outlook', {
        params: {
          query: {
            nuclide: query.nuclide,
            ...(query.site ? { site: query.site } : {}),
            weeks: query.weeks,
            growthPct: query.growthPct,
            extraWeekly: query.extraWeekly,
          },
        },
      })
      .then((r) => {
        if (!live) return;
        setLoading(false);
        if (!r.data) return setError(errorText(r.error, t('outlookFailed')));
        setError(undefined);
        setOutlook(r.data);
      });
    return () => {
      live = false;
    };
  }, [query, t]);

  // Drawn again when the language changes: the legend and the axis are words.
  const language = i18n.language;
  const option = useMemo(
    () => (outlook ? outlookChartOption(outlook) : undefined),
    [outlook, language],
  );
  const set = (patch: Partial<Query>) => setDraft({ ...draft, ...patch });

  return (
    <section className="outlook" aria-labelledby="outlook-title">
      <h1 id="outlook-title">{t('title')}</h1>
      <p className="muted small">{t('intro')}</p>
      <form
        className="card form-row outlook-controls"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(draft);
        }}
      >
        <label>
          {t('controls.nuclide')}
          <select value={draft.nuclide} onChange={(e) => set({ nuclide: e.target.value })}>
            {nuclides.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {t('controls.site')}
          <select value={draft.site} onChange={(e) => set({ site: e.target.value })}>
            <option value="">{t('controls.wholeNetwork')}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('controls.horizon')}
          <select value={draft.weeks} onChange={(e) => set({ weeks: Number(e.target.value) })}>
            {HORIZONS.map((h) => (
              <option key={h} value={h}>
                {t('controls.weeks', { n: h })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('controls.growth')}
          <input
            type="number"
            min={-100}
            max={1000}
            step="any"
            value={draft.growthPct}
            onChange={(e) => set({ growthPct: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('controls.extra')}
          <input
            type="number"
            min={0}
            step="any"
            value={draft.extraWeekly}
            onChange={(e) => set({ extraWeekly: Number(e.target.value) })}
          />
        </label>
        <button type="submit" disabled={loading}>
          {t('controls.show')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {loading && <p className="muted">{t('forecasting')}</p>}
      {outlook && option && <OutlookView outlook={outlook} option={option} />}
    </section>
  );
}

function OutlookView({ outlook: o, option }: { outlook: Outlook; option: EChartOption }) {
  const { t } = useTranslation('strategy');
  const scores = backTestLines(o.backTest);
  return (
    <div className="outlook-view" data-nuclide={o.nuclide} data-site={o.site?.id ?? 'network'}>
      <p className="history-note" data-status={o.history.status}>
        {o.history.synthetic && <span className="synthetic-badge">{t('synthetic')}</span>}{' '}
        {outlookText(o.history.message)}
      </p>
      <div className="outlook-grid">
        <div className="card">
          <div className="card-head">
            <h2>
              {t('viewTitle', {
                nuclide: o.nuclide,
                site: o.site?.name ?? t('wholeNetwork'),
                from: o.from,
              })}
            </h2>
            <span className="muted small risk-summary">{riskSummary(o.weekly)}</span>
          </div>
          <EChart option={option} height={380} label={t('chartLabel', { nuclide: o.nuclide })} />
        </div>
        <aside className="card back-test" aria-labelledby="back-test-title">
          <h2 id="back-test-title">{t('backTest.title')}</h2>
          <p className="muted small">{outlookText(o.backTest.message)}</p>
          {scores.length > 0 && (
            <dl>
              {scores.map((s) => (
                <div key={s.label}>
                  <dt>{s.label}</dt>
                  <dd>{s.value}</dd>
                </div>
              ))}
            </dl>
          )}
          {o.method && (
            <p className="muted small">
              {o.method.seasonal
                ? t('backTest.methodSeasonal', {
                    season: o.method.season,
                    alpha: o.method.alpha,
                    beta: o.method.beta,
                    gamma: o.method.gamma,
                  })
                : t('backTest.methodNoSeason', {
                    alpha: o.method.alpha,
                    beta: o.method.beta,
                    gamma: o.method.gamma,
                  })}
            </p>
          )}
        </aside>
      </div>
      {o.allocation && (
        <AllocationCard
          key={`${o.nuclide}|${o.from}|${o.allocation.week}|${o.allocation.available}`}
          proposal={o.allocation}
        />
      )}
      <div className="card flush">
        <table className="data-table outlook-weeks">
          <caption className="muted small">{t('weeks.caption', { nuclide: o.nuclide })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('weeks.week')}</th>
              <th scope="col" className="num">
                {t('weeks.demand')}
              </th>
              <th scope="col" className="num">
                {t('weeks.band80')}
              </th>
              <th scope="col" className="num">
                {t('weeks.known')}
              </th>
              <th scope="col" className="num">
                {t('weeks.scenario')}
              </th>
              <th scope="col" className="num">
                {t('weeks.supply')}
              </th>
              <th scope="col" className="num">
                {t('weeks.gap')}
              </th>
              <th scope="col" className="num">
                {t('weeks.probability')}
              </th>
            </tr>
          </thead>
          <tbody>
            {o.weekly.map((w) => (
              <tr key={w.week} data-week={w.week} data-risk={riskOf(w.probability)}>
                <th scope="row">{w.week}</th>
                <td className="num">{gbq(w.demand.mean)}</td>
                <td className="num">
                  {gbq(w.demand.lower80)}–{gbq(w.demand.upper80)}
                </td>
                <td className="num">{gbq(w.known)}</td>
                <td className="num">{gbq(w.scenario)}</td>
                <td className="num">
                  {gbq(w.supply.mean)} ± {gbq(w.supply.sd)}
                </td>
                <td className="num">{gbq(w.gap)}</td>
                <td className="num risk">{probabilityText(w.probability)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="card">
        <summary>{t('details.summary')}</summary>
        <h3>{t('details.supplyItems')}</h3>
        <ul className="small">
          {o.supplyItems.map((s, i) => (
            <li key={i}>
              <strong>{s.siteName}</strong>
              {t('details.supplyItem', {
                label: outlookText(s.label),
                gbq: gbq(s.meanGBqPerWeek),
                basis: outlookText(s.basis),
              })}
            </li>
          ))}
          {o.supplyItems.length === 0 && <li>{t('details.noSupply', { nuclide: o.nuclide })}</li>}
        </ul>
        <h3>{t('details.conversion')}</h3>
        <ul className="small">
          {o.conversion.map((c) => (
            <li key={c.productCode}>
              {t('details.conversionLine', {
                code: c.productCode,
                gbq: gbq(c.nuclideGBqPerDose),
                nuclide: o.nuclide,
                basis: outlookText(c.basis),
              })}
            </li>
          ))}
        </ul>
        {o.notes.length > 0 && (
          <>
            <h3>{t('details.notes')}</h3>
            <ul className="small">
              {o.notes.map((n) => (
                <li key={n}>{outlookText(n)}</li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('details.assumptions')}</h3>
        <ul className="small">
          {o.assumptions.map((a) => (
            <li key={a}>{outlookText(a)}</li>
          ))}
        </ul>
        <p className="muted small">
          {t('details.coverage', {
            c80: percent(o.backTest.coverage80, 0),
            c95: percent(o.backTest.coverage95, 0),
          })}
        </p>
      </details>
    </div>
  );
}
