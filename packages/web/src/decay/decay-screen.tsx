import { useMemo, useState, type FormEvent } from 'react';
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

  async function calculate(e?: FormEvent) {
    e?.preventDefault();
    const value = Number(activity);
    if (!Number.isFinite(value) || value <= 0) {
      setError('activity: expected a positive number');
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
    setError(data ? undefined : errorText(failure, 'the calculation failed'));
  }

  const chart = useMemo(() => (result ? decayChartData(result, unit) : undefined), [result, unit]);
  const option = useMemo(() => chart && decayChartOption(chart, unit), [chart, unit]);

  return (
    <section aria-labelledby="decay-title">
      <h1 id="decay-title">Decay calculator</h1>
      <form className="card form-row" onSubmit={(e) => void calculate(e)}>
        <label>
          Nuclide
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
          Activity at start
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
              aria-label="Activity unit"
              value={inputUnit}
              onChange={(e) => setInputUnit(e.target.value as DisplayUnit)}
            >
              <option>MBq</option>
              <option>mCi</option>
            </select>
          </span>
        </label>
        <label>
          Start
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          End
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Calculating…' : 'Calculate'}
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
            <h2>Activity of the chain ({unit}, log scale)</h2>
            <EChart
              option={option}
              height={380}
              label={`Activity over time of ${chart.series.map((s) => s.name).join(', ')}`}
            />
          </div>
          <div className="card">
            <h2>At the end ({formatNumber(result.seconds / 3600)} h after the start)</h2>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Nuclide</th>
                  <th scope="col">Half-life</th>
                  <th scope="col" className="num">
                    Activity
                  </th>
                  <th scope="col" className="num">
                    Atoms
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
