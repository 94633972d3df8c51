import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
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
        setError(r.data ? undefined : errorText(r.error, 'the trend could not be loaded'));
      });
    return () => {
      live = false;
    };
  }, [detail.batch.productCode, test, revision]);

  const data = useMemo(
    () =>
      trend && trend.test === test ? trendChartData(trend, detail.batch.batchNumber) : undefined,
    [trend, test, detail.batch.batchNumber],
  );
  const option = useMemo(() => (data ? qcTrendChartOption(data) : undefined), [data]);
  if (numeric.length === 0) return null;
  const signals = data?.points.filter((p) => p.signals.length > 0).length ?? 0;

  return (
    <section className="qc-trend" aria-labelledby="qc-trend-title">
      <div className="qc-trend-head">
        <h3 id="qc-trend-title">Trend</h3>
        <label>
          Test
          <select value={test} onChange={(e) => setChosen(e.target.value)}>
            {numeric.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
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
            label={`${data.name} over the last ${data.points.length} batches of ${detail.batch.productCode}, ${signals} flagged`}
          />
          <p className="muted small chart-caption">
            {data.points.length} batch{data.points.length === 1 ? '' : 'es'} · centre blue; control
            limits (UCL/LCL: ±3σ from the moving range, from 2 batches) dashed amber; specification
            red; a flagged result is a red point, this batch’s the larger one.
          </p>
        </>
      ) : (
        !error && <p className="muted chart-placeholder-small">Loading the trend…</p>
      )}
    </section>
  );
}
