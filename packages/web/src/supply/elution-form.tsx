import { useState, type FormEvent } from 'react';
import { api, errorText } from '../api/client.js';
import { formatActivity, toBq, type DisplayUnit } from '../units.js';
import type { GeneratorDetail } from './supply-types.js';
import { localInputIn, zonedInstant } from '../zoned-time.js';

/** Records an elution (time in the site's zone, measured eluate in the unit shown). */
export function ElutionForm(props: {
  generator: GeneratorDetail;
  unit: DisplayUnit;
  zone: string;
  onRecorded: (g: GeneratorDetail) => void;
}) {
  const { generator: g, unit, zone } = props;
  const [at, setAt] = useState(() => localInputIn(Date.now(), zone));
  const [measured, setMeasured] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const value = measured.trim() === '' ? undefined : Number(measured);
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      setError('measured activity: expected zero or a positive number');
      return;
    }
    setBusy(true);
    setDone(undefined);
    const { data, error: failure } = await api.POST('/api/generators/{id}/elutions', {
      params: { path: { id: g.id } },
      body: {
        at: zonedInstant(at, zone),
        ...(value === undefined ? {} : { measuredActivityBq: toBq(value, unit) }),
      },
    });
    setBusy(false);
    if (!data) {
      setError(errorText(failure, 'the elution could not be recorded'));
      return;
    }
    setError(undefined);
    setMeasured('');
    const eff = data.elution.efficiency;
    setDone(
      `Recorded${data.elution.measuredActivityBq === null ? '' : ` ${formatActivity(data.elution.measuredActivityBq, unit)}`}` +
        (eff === null
          ? ''
          : `: ${Math.round(eff * 1000) / 10}% of the ${formatActivity(data.elution.predictedColumnBq, unit)} on the column.`),
    );
    props.onRecorded(data.generator);
  }

  return (
    <form
      className="supply-elution"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="elution-title"
    >
      <h3 id="elution-title">Record an elution</h3>
      <label>
        Time ({zone})
        <input type="datetime-local" value={at} required onChange={(e) => setAt(e.target.value)} />
      </label>
      <label>
        Measured {g.daughter} ({unit})
        <input
          type="number"
          min="0"
          step="any"
          inputMode="decimal"
          placeholder="optional"
          value={measured}
          onChange={(e) => setMeasured(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Recording…' : 'Record elution'}
      </button>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="ok small">
          {done}
        </p>
      )}
    </form>
  );
}
