import { useTranslation } from 'react-i18next';
import type { PlanRecord } from '../api/client.js';
import { serverText } from '../i18n/server-texts.js';

const PHASES = ['queued', 'candidates', 'solve', 'plan', 'done', 'failed'] as const;
const isPhase = (p: string): p is (typeof PHASES)[number] =>
  (PHASES as readonly string[]).includes(p);

/** A running plan: the worker's latest progress as a bar and its message. */
export function PlanProgress(props: {
  record: Pick<PlanRecord, 'progress' | 'orders' | 'createdAt'>;
}) {
  const { fraction, phase } = props.record.progress;
  const message = props.record.progress.message && serverText(props.record.progress.message);
  const { t } = useTranslation('plans');
  // The planner's phases by name; its messages through the server catalogue.
  const phaseText = phase && isPhase(phase) ? t(`progress.phase.${phase}`) : phase;
  const pct =
    fraction === undefined ? undefined : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  const since = Math.max(0, Math.round((Date.now() - Date.parse(props.record.createdAt)) / 1000));
  return (
    <div className="plan-progress" role="status" aria-live="polite">
      <div className="plan-progress-head">
        <strong>{t('progress.planningOrders', { n: props.record.orders })}</strong>
        <span className="muted small">
          {phaseText ? `${phaseText} · ` : ''}
          {t('progress.elapsed', { n: since })}
        </span>
      </div>
      <progress
        max={100}
        value={pct}
        aria-label={t('progress.label')}
        aria-valuetext={pct === undefined ? message : `${pct} %: ${message ?? ''}`}
      />
      <p className="muted small">{message ?? t('progress.waiting')}</p>
    </div>
  );
}
