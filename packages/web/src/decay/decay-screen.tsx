import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type DecayResponse } from '../api/client.js';
import { EChart } from '../charts/echart.js';
import { formatActivity, formatHalfLife, formatNumber, toBq, type DisplayUnit } from '../units.js';
import { decayChartData } from './decay-chart-data.js';
import { decayChartOption } from './decay-chart-option.js';

const NUCLIDES = ['Ac-225', 'Lu-177', 'Pb-212', 'Ga-68', 'F-18', 'Tc-99m', 'Ra-224', 'Th-228'];

/** "YYYY-MM-DDTHH:mm" in local time, as a datetime-local input wants it. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The decay calculator: a nuclide and an activity at a start, its chain until an end. */
export function DecayScreen({ unit }: { unit: DisplayUnit }) {
  const start = new Date();
  start.setMinutes(0, 0, 0);
  const [nuclide, setNuclide] = useState('Ac-225');
  const [activity, setActivity] = useState('10');
  const [from, setFrom] = useState(localInput(start));
  const [to, setTo] = useState(localInput(new Date(start.getTime() + 10 * 86400_000)));
  const [result, setResult] = useState<DecayResponse | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [inputUnit, setInputUnit] = useState<DisplayUnit>(unit);
  const { t, i18n } = useTranslation(['decay', 'common']);

  async function calculate(e?: FormEvent) {
    e?.preventDefault();
    const value = Number(activity);
    if (!Number.isFinite(value) || value <= 0) {
      setError(t('positiveActivity'));
      return;
    }
    setBusy(true);
    const { data, error: failure } = await api.POST('/api/decay', {
      body: {
        inventory: { [nuclide.trim()]: toBq(value, inputUnit) },
        unit: 'Bq',
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        points: 300,
      },
    });
    setBusy(false);
    setResult(data);
    setError(data ? undefined : errorText(failure, t('failed')));
  }

  const chart = useMemo(() => (result ? decayChartData(result, unit) : undefined), [result, unit]);
  // The chart's axis names follow the language.
  const language = i18n.language;
  const option = useMemo(
    () => chart && language && decayChartOption(chart, unit),
    [chart, unit, language],
  );

  return (
    <section aria-labelledby="decay-title">
      <h1 id="decay-title">{t('title')}</h1>
      <form className="card form-row" onSubmit={(e) => void calculate(e)}>
        <label>
          {t('nuclide')}
          <input
            list="nuclides"
            value={nuclide}
            onChange={(e) => setNuclide(e.target.value)}
            required
          />
          <datalist id="nuclides">
            {NUCLIDES.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </label>
        <label>
          {t('activityAtStart')}
          <span className="joined">
            <input
              type="number"
              min="0"
              step="any"
              value={activity}
              onChange={(e) => setActivity(e.target.value)}
              required
            />
            <select
              aria-label={t('common:activityUnit')}
              value={inputUnit}
              onChange={(e) => setInputUnit(e.target.value as DisplayUnit)}
            >
              <option>MBq</option>
              <option>mCi</option>
            </select>
          </span>
        </label>
        <label>
          {t('start')}
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('end')}
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('calculating') : t('calculate')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result && chart && option && (
        <>
          <div className="card">
            <h2>{t('chainTitle', { unit })}</h2>
            <EChart
              option={option}
              height={380}
              label={t('chartLabel', { nuclides: chart.series.map((s) => s.name).join(', ') })}
            />
          </div>
          <div className="card">
            <h2>{t('atEnd', { hours: formatNumber(result.seconds / 3600) })}</h2>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('table.nuclide')}</th>
                  <th scope="col">{t('table.halfLife')}</th>
                  <th scope="col" className="num">
                    {t('table.activity')}
                  </th>
                  <th scope="col" className="num">
                    {t('table.atoms')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.members.map((m) => (
                  <tr key={m.nuclide}>
                    <th scope="row">{m.nuclide}</th>
                    <td>{formatHalfLife(m.halfLifeS)}</td>
                    <td className="num">{formatActivity(m.activityBq, unit)}</td>
                    <td className="num">{formatNumber(m.atoms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
