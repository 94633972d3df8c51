import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import { EChart } from '../charts/echart.js';
import { formatActivity, formatNumber, type DisplayUnit } from '../units.js';
import { ElutionForm } from './elution-form.js';
import type { GeneratorDetail, GeneratorYield, OptimalInterval } from './supply-types.js';
import { yieldChartData, yieldWindow } from './yield-chart-data.js';
import { yieldChartOption } from './yield-chart-option.js';
import { dayClockIn, formatHours } from '../zoned-time.js';
import { serverText } from '../i18n/server-texts.js';

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
  const { t } = useTranslation('supply');
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
        setCurveError(r.data ? undefined : errorText(r.error, t('generator.loadCurveFailed')));
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
    const timer = setTimeout(() => {
      void api
        .GET('/api/generators/{id}/optimal-interval', {
          params: { path: { id: g.id }, query: { handlingHours } },
        })
        .then((r) => {
          if (!live) return;
          setOptimum(r.data);
          setIntervalError(r.data ? undefined : errorText(r.error, t('generator.optimumFailed')));
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [g.id, handlingHours, props.revision]);

  const option = useMemo(() => {
    if (!curve) return undefined;
    // Midnight reads as the day alone ("24 Nov", "11月24日").
    const clock = (ms: number) => dayClockIn(ms, zone).replace(/ 00:00$/, '');
    return yieldChartOption(yieldChartData(curve.data, unit, curve.now), unit, clock);
  }, [curve, unit, zone, t]);
  const shownElutions = curve ? yieldChartData(curve.data, unit, curve.now).elutions.length : 0;

  return (
    <div ref={host} className="card supply-panel" role="region" aria-labelledby="generator-title">
      <div className="card-head">
        <h2 id="generator-title">
          {g.label} <span className="muted small">· {g.serial}</span>
        </h2>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
      <dl className="supply-figures">
        <div>
          <dt>{t('generator.eluateNow', { nuclide: g.daughter })}</dt>
          <dd>{g.now ? formatActivity(g.now.eluateBq, unit) : '—'}</dd>
        </div>
        <div>
          <dt>{t('generator.onColumn', { nuclide: g.parent })}</dt>
          <dd>{g.now ? formatActivity(g.now.parentBq, unit) : '—'}</dd>
        </div>
        <div>
          <dt>{t('generator.efficiency', { basis: t(`basis.${g.efficiency.basis}`) })}</dt>
          <dd>
            {formatNumber(g.efficiency.value * 100)}%
            <span className="muted small">
              {' '}
              {g.efficiency.records === 0
                ? t('generator.noRecords')
                : t('generator.records', { count: g.efficiency.records })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('generator.breakthrough')}</dt>
          <dd className={g.now && !g.now.breakthroughOk ? 'error' : undefined}>
            {g.now?.breakthroughRatio == null
              ? '—'
              : `${formatNumber(g.now.breakthroughRatio * 100)}%`}
            <span className="muted small">
              {g.now?.breakthroughLimit == null
                ? ''
                : ` ${t('generator.limit', { value: formatNumber(g.now.breakthroughLimit * 100) })}`}
            </span>
          </dd>
        </div>
      </dl>
      <div className="supply-panel-grid">
        <div className="supply-chart">
          <h3>{t('generator.yieldCurve')}</h3>
          {curveError && (
            <p role="alert" className="error">
              {curveError}
            </p>
          )}
          {option ? (
            <EChart
              option={option}
              height={400}
              label={t('generator.chartLabel', {
                nuclide: g.daughter,
                label: g.label,
                count: shownElutions,
              })}
            />
          ) : (
            !curveError && <p className="muted chart-placeholder">{t('generator.loadingCurve')}</p>
          )}
          <p className="muted small" data-testid="yield-caption">
            {t('generator.caption', {
              unit,
              shown: shownElutions,
              last: lastElution
                ? dayClockIn(Date.parse(lastElution), zone)
                : t('generator.lastNone'),
            })}
          </p>
        </div>
        <aside className="supply-side">
          <section aria-labelledby="interval-title" className="supply-interval">
            <h3 id="interval-title">{t('generator.optimalInterval')}</h3>
            <label>
              {t('generator.handling')}
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
                    {t('generator.intervalFigures', {
                      daily: formatActivity(interval.optimum.dailyBq, unit),
                      perElution: formatActivity(interval.optimum.perElutionBq, unit),
                    })}
                  </span>
                </p>
                <p className="small interval-note">{serverText(interval.note)}</p>
                <p className="muted small">
                  {t(
                    g.elutionIntervalSet
                      ? 'generator.intervalBasisSet'
                      : 'generator.intervalBasisDefault',
                    {
                      days: formatNumber(interval.horizonDays),
                      efficiency: formatNumber(interval.efficiency * 100),
                      interval: formatHours(g.elutionIntervalMinutes / 60),
                    },
                  )}
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
