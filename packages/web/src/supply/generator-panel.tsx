import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorText } from '../api/client.js';
import { EChart } from '../charts/echart.js';
import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';
import { ElutionForm } from './elution-form.js';
import type { GeneratorDetail, GeneratorYield, OptimalInterval } from './supply-types.js';
import { yieldChartData, yieldWindow } from './yield-chart-data.js';
import { yieldChartOption } from './yield-chart-option.js';
import { dayClockIn, formatHours } from '../zoned-time.js';

/** A generator: its yield curve with the recorded elutions, the optimal interval, an elution form. */
export function GeneratorPanel(props: {
  generator: GeneratorDetail;
  unit: DisplayUnit;
  zone: string;
  revision: number;
  onRecorded: (g: GeneratorDetail) => void;
  onClose: () => void;
}) {
  const { generator: g, unit, zone } = props;
  const [curve, setCurve] = useState<{ data: GeneratorYield; now: number } | undefined>();
  const [curveError, setCurveError] = useState<string | undefined>();
  const [handling, setHandling] = useState('0');
  const [interval, setOptimum] = useState<OptimalInterval | undefined>();
  const [intervalError, setIntervalError] = useState<string | undefined>();
  const lastElution = g.elutions[g.elutions.length - 1]?.at;
  const host = useRef<HTMLDivElement>(null);
  // Braces matter: Chromium's scrollIntoView now returns a promise, and an effect that returns
  // anything but a function breaks React's unmount ("destroy is not a function").
  useEffect(() => {
    void host.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);

  useEffect(() => {
    let live = true;
    const now = Date.now();
    const w = yieldWindow(now, g.calibratedAt, lastElution);
    void api
      .GET('/api/generators/{id}/yield', { params: { path: { id: g.id }, query: w } })
      .then((r) => {
        if (!live) return;
        setCurve(r.data ? { data: r.data, now } : undefined);
        setCurveError(
          r.data ? undefined : errorText(r.error, 'the yield curve could not be loaded'),
        );
      });
    return () => {
      live = false;
    };
  }, [g.id, g.calibratedAt, lastElution, props.revision]);

  const handlingHours = Number(handling);
  useEffect(() => {
    if (!Number.isFinite(handlingHours) || handlingHours < 0 || handlingHours > 48)
      return undefined;
    let live = true;
    const t = setTimeout(() => {
      void api
        .GET('/api/generators/{id}/optimal-interval', {
          params: { path: { id: g.id }, query: { handlingHours } },
        })
        .then((r) => {
          if (!live) return;
          setOptimum(r.data);
          setIntervalError(
            r.data ? undefined : errorText(r.error, 'the optimum could not be found'),
          );
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [g.id, handlingHours, props.revision]);

  const option = useMemo(() => {
    if (!curve) return undefined;
    const clock = (ms: number) => dayClockIn(ms, zone).replace(/^(\d+ \w+) 00:00$/, '$1');
    return yieldChartOption(yieldChartData(curve.data, unit, curve.now), unit, clock);
  }, [curve, unit, zone]);
  const shownElutions = curve ? yieldChartData(curve.data, unit, curve.now).elutions.length : 0;

  return (
    <div ref={host} className="card supply-panel" role="region" aria-labelledby="generator-title">
      <div className="card-head">
        <h2 id="generator-title">
          {g.label} <span className="muted small">· {g.serial}</span>
        </h2>
        <button type="button" className="secondary" onClick={props.onClose}>
          Close
        </button>
      </div>
      <dl className="supply-figures">
        <div>
          <dt>{g.daughter} eluate now</dt>
          <dd>{g.now ? formatActivity(g.now.eluateBq, unit) : '—'}</dd>
        </div>
        <div>
          <dt>{g.parent} on the column</dt>
          <dd>{g.now ? formatActivity(g.now.parentBq, unit) : '—'}</dd>
        </div>
        <div>
          <dt>Efficiency ({g.efficiency.basis})</dt>
          <dd>
            {formatNumber(g.efficiency.value * 100)}%
            <span className="muted small">
              {' '}
              {g.efficiency.records === 0
                ? 'no records'
                : `${g.efficiency.records} record${g.efficiency.records === 1 ? '' : 's'}`}
            </span>
          </dd>
        </div>
        <div>
          <dt>Breakthrough (elution now)</dt>
          <dd className={g.now && !g.now.breakthroughOk ? 'error' : undefined}>
            {g.now?.breakthroughRatio == null
              ? '—'
              : `${formatNumber(g.now.breakthroughRatio * 100)}%`}
            <span className="muted small">
              {g.now?.breakthroughLimit == null
                ? ''
                : ` limit ${formatNumber(g.now.breakthroughLimit * 100)}%`}
            </span>
          </dd>
        </div>
      </dl>
      <div className="supply-panel-grid">
        <div className="supply-chart">
          <h3>Yield curve</h3>
          {curveError && (
            <p role="alert" className="error">
              {curveError}
            </p>
          )}
          {option ? (
            <EChart
              option={option}
              height={400}
              label={`${g.daughter} eluate available over time from ${g.label}, with ${shownElutions} recorded elution${shownElutions === 1 ? '' : 's'} marked`}
            />
          ) : (
            !curveError && <p className="muted chart-placeholder">Loading the curve…</p>
          )}
          <p className="muted small" data-testid="yield-caption">
            The eluate an elution would give at each time ({unit}); ◆ a recorded elution (
            {shownElutions} shown). Last recorded:{' '}
            {lastElution ? dayClockIn(Date.parse(lastElution), zone) : 'none'}.
          </p>
        </div>
        <aside className="supply-side">
          <section aria-labelledby="interval-title" className="supply-interval">
            <h3 id="interval-title">Optimal interval</h3>
            <label>
              Handling time per elution (h)
              <input
                type="number"
                min="0"
                max="48"
                step="0.25"
                value={handling}
                onChange={(e) => setHandling(e.target.value)}
              />
            </label>
            {intervalError && (
              <p role="alert" className="error">
                {intervalError}
              </p>
            )}
            {interval && (
              <>
                <p className="interval-figure">
                  <strong>{formatHours(interval.optimum.intervalHours)}</strong>
                  <span className="muted small">
                    {' '}
                    · {formatActivity(interval.optimum.dailyBq, unit)}/day ·{' '}
                    {formatActivity(interval.optimum.perElutionBq, unit)} per elution
                  </span>
                </p>
                <p className="small interval-note">{interval.note}</p>
                <p className="muted small">
                  Over {formatNumber(interval.horizonDays)} d at{' '}
                  {formatNumber(interval.efficiency * 100)}% efficiency; schedule used for planning:
                  every {formatHours(g.elutionIntervalMinutes / 60)}
                  {g.elutionIntervalSet ? ' (set)' : ' (default)'}.
                </p>
              </>
            )}
          </section>
          <ElutionForm generator={g} unit={unit} zone={zone} onRecorded={props.onRecorded} />
        </aside>
      </div>
    </div>
  );
}
