import type { PlanRecord } from '../api/client.js';

/** A running plan: the worker's latest progress as a bar and its message. */
export function PlanProgress(props: {
  record: Pick<PlanRecord, 'progress' | 'orders' | 'createdAt'>;
}) {
  const { fraction, message, phase } = props.record.progress;
  const pct =
    fraction === undefined ? undefined : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  const since = Math.max(0, Math.round((Date.now() - Date.parse(props.record.createdAt)) / 1000));
  return (
    <div className="plan-progress" role="status" aria-live="polite">
      <div className="plan-progress-head">
        <strong>Planning {props.record.orders} orders…</strong>
        <span className="muted small">
          {phase ? `${phase} · ` : ''}
          {since} s
        </span>
      </div>
      <progress
        max={100}
        value={pct}
        aria-label="Planning progress"
        aria-valuetext={pct === undefined ? message : `${pct} %: ${message ?? ''}`}
      />
      <p className="muted small">{message ?? 'waiting for the planner'}</p>
    </div>
  );
}
