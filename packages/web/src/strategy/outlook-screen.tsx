import { useEffect, useMemo, useState } from 'react';
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

  useEffect(() => {
    let live = true;
    void Promise.all([api.GET('/api/products'), api.GET('/api/sites')]).then(([p, s]) => {
      if (!live) return;
      if (!p.data) return setError(errorText(p.error, 'the products could not be loaded'));
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
  }, []);

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
        if (!r.data) return setError(errorText(r.error, 'the outlook could not be loaded'));
        setError(undefined);
        setOutlook(r.data);
      });
    return () => {
      live = false;
    };
  }, [query]);

  const option = useMemo(() => (outlook ? outlookChartOption(outlook) : undefined), [outlook]);
  const set = (patch: Partial<Query>) => setDraft({ ...draft, ...patch });

  return (
    <section className="outlook" aria-labelledby="outlook-title">
      <h1 id="outlook-title">Outlook</h1>
      <p className="muted small">
        Demand against supply, week by week, in GBq of the nuclide: the forecast with its 80% and
        95% bands, the therapy cycles already scheduled, a scenario, and what the generators, lots
        and cyclotrons on record give.
      </p>
      <form
        className="card form-row outlook-controls"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(draft);
        }}
      >
        <label>
          Nuclide
          <select value={draft.nuclide} onChange={(e) => set({ nuclide: e.target.value })}>
            {nuclides.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          Site
          <select value={draft.site} onChange={(e) => set({ site: e.target.value })}>
            <option value="">The whole network</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Horizon
          <select value={draft.weeks} onChange={(e) => set({ weeks: Number(e.target.value) })}>
            {HORIZONS.map((h) => (
              <option key={h} value={h}>
                {h} weeks
              </option>
            ))}
          </select>
        </label>
        <label>
          Growth a year (%)
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
          Extra doses a week
          <input
            type="number"
            min={0}
            step="any"
            value={draft.extraWeekly}
            onChange={(e) => set({ extraWeekly: Number(e.target.value) })}
          />
        </label>
        <button type="submit" disabled={loading}>
          Show outlook
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {loading && <p className="muted">Forecasting…</p>}
      {outlook && option && <OutlookView outlook={outlook} option={option} />}
    </section>
  );
}

function OutlookView({ outlook: o, option }: { outlook: Outlook; option: EChartOption }) {
  const scores = backTestLines(o.backTest);
  return (
    <div className="outlook-view" data-nuclide={o.nuclide} data-site={o.site?.id ?? 'network'}>
      <p className="history-note" data-status={o.history.status}>
        {o.history.synthetic && <span className="synthetic-badge">Synthetic</span>}{' '}
        {o.history.message}
      </p>
      <div className="outlook-grid">
        <div className="card">
          <div className="card-head">
            <h2>
              {o.nuclide} · {o.site?.name ?? 'the whole network'} · from {o.from}
            </h2>
            <span className="muted small risk-summary">{riskSummary(o.weekly)}</span>
          </div>
          <EChart
            option={option}
            height={380}
            label={`Weekly ${o.nuclide} demand against supply`}
          />
        </div>
        <aside className="card back-test" aria-labelledby="back-test-title">
          <h2 id="back-test-title">Back-test</h2>
          <p className="muted small">{o.backTest.message}</p>
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
              Holt–Winters
              {o.method.seasonal
                ? ` (season ${o.method.season} weeks)`
                : ' (no season: under two years)'}
              , α {o.method.alpha}, β {o.method.beta}, γ {o.method.gamma}
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
          <caption className="muted small">Weeks ahead (GBq of {o.nuclide})</caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col" className="num">
                Demand
              </th>
              <th scope="col" className="num">
                80% band
              </th>
              <th scope="col" className="num">
                Known cycles
              </th>
              <th scope="col" className="num">
                Scenario
              </th>
              <th scope="col" className="num">
                Supply ± sd
              </th>
              <th scope="col" className="num">
                Expected gap
              </th>
              <th scope="col" className="num">
                P(shortfall)
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
        <summary>Supply on record, conversions and assumptions</summary>
        <h3>Supply items</h3>
        <ul className="small">
          {o.supplyItems.map((s, i) => (
            <li key={i}>
              <strong>{s.siteName}</strong>, {s.label}: {gbq(s.meanGBqPerWeek)} GBq a week on
              average. {s.basis}
            </li>
          ))}
          {o.supplyItems.length === 0 && <li>No supply of {o.nuclide} on record.</li>}
        </ul>
        <h3>Doses into GBq</h3>
        <ul className="small">
          {o.conversion.map((c) => (
            <li key={c.productCode}>
              {c.productCode}: {gbq(c.nuclideGBqPerDose)} GBq of {o.nuclide} a dose = {c.basis}
            </li>
          ))}
        </ul>
        {o.notes.length > 0 && (
          <>
            <h3>Notes</h3>
            <ul className="small">
              {o.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        )}
        <h3>Assumptions</h3>
        <ul className="small">
          {o.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        <p className="muted small">
          Interval coverage in the back-test: {percent(o.backTest.coverage80, 0)} (80%),{' '}
          {percent(o.backTest.coverage95, 0)} (95%).
        </p>
      </details>
    </div>
  );
}
