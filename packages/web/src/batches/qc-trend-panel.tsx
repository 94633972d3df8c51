import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import { EChart } from '../charts/echart.js';
import type { BatchDetail, QcTrend } from './batch-types.js';
import { trendChartData } from './qc-trend-chart-data.js';
import { qcTrendChartOption } from './qc-trend-chart-option.js';

// The control chart draws its limits as mark lines; the shared wrapper does not register them.
use([MarkLineComponent]);

/** The first test worth charting: a failing numeric one, else one with a result, else the first. */
function defaultTest(detail: BatchDetail): string {
  const numeric = detail.qc.tests.filter((t) => t.kind !== 'pass-fail');
  return (
    (
      numeric.find((t) => t.status === 'fail') ??
      numeric.find((t) => t.result !== undefined) ??
      numeric[0]
    )?.code ?? ''
  );
}

/** A numeric QC test over the product's recent batches, as an individuals control chart. */
export function QcTrendPanel({ detail }: { detail: BatchDetail }) {
  const numeric = detail.qc.tests.filter((t) => t.kind !== 'pass-fail');
  const [chosen, setChosen] = useState<string | undefined>();
  const test = chosen ?? defaultTest(detail);
  const [trend, setTrend] = useState<QcTrend | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { t, i18n } = useTranslation('batches');
  // Fetched again when this batch's result of the test changes.
  const result = detail.qc.tests.find((t) => t.code === test);
  const revision = `${result?.result ?? ''}|${result?.enteredAt ?? ''}`;

  useEffect(() => {
    if (test === '') return undefined;
    let live = true;
    void api
      .GET('/api/qc/trends', {
        params: { query: { product: detail.batch.productCode, test, limit: 30 } },
      })
      .then((r) => {
        if (!live) return;
        setTrend(r.data);
        setError(r.data ? undefined : errorText(r.error, t('trend.loadFailed')));
      });
    return () => {
      live = false;
    };
  }, [detail.batch.productCode, test, revision]);

  // The chart's words (rules, limit names) follow the language.
  const language = i18n.language;
  const data = useMemo(
    () =>
      trend && trend.test === test && language
        ? trendChartData(trend, detail.batch.batchNumber)
        : undefined,
    [trend, test, detail.batch.batchNumber, language],
  );
  const option = useMemo(() => (data ? qcTrendChartOption(data) : undefined), [data]);
  if (numeric.length === 0) return null;
  const signals = data?.points.filter((p) => p.signals.length > 0).length ?? 0;

  return (
    <section className="qc-trend" aria-labelledby="qc-trend-title">
      <div className="qc-trend-head">
        <h3 id="qc-trend-title">{t('trend.title')}</h3>
        <label>
          {t('trend.test')}
          <select value={test} onChange={(e) => setChosen(e.target.value)}>
            {numeric.map((n) => (
              <option key={n.code} value={n.code}>
                {n.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {option && data ? (
        <>
          <EChart
            option={option}
            height={260}
            label={t('trend.chartLabel', {
              name: data.name,
              n: data.points.length,
              product: detail.batch.productCode,
              flagged: signals,
            })}
          />
          <p className="muted small chart-caption">
            {t('trend.caption', { count: data.points.length })}
          </p>
        </>
      ) : (
        !error && <p className="muted chart-placeholder-small">{t('trend.loading')}</p>
      )}
    </section>
  );
}
