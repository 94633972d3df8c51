import { useTranslation } from 'react-i18next';
import { BadgeView } from '../batches/badge-view.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { dateIn } from '../zoned-time.js';
import { dayText } from './clinical-text.js';
import type { Cycle, Therapy } from './patient-types.js';
import {
  calibrationText,
  changeText,
  cycleState,
  cycleStateBadge,
  gapText,
  levelText,
  ordersOnText,
  orderStatusText,
  therapyMetaText,
  therapyStatusBadge,
  windowRange,
} from './patients-text.js';
import { serverText } from '../i18n/server-texts.js';

const COLUMNS = ['cycle', 'due', 'gap', 'activity', 'order', 'given', 'reasons'] as const;

/**
 * The therapy plan: its regimen and source, each cycle with its day and window, the gap from the
 * one before, its activity, the day it orders and its order, the day given and the reasons that
 * shaped it; the changes recorded and the label's warnings.
 */
export function TherapyCard(props: { therapy: Therapy; unit: DisplayUnit; zone: string }) {
  const { therapy, unit, zone } = props;
  const { t } = useTranslation('patients');
  return (
    <section className="card therapy-card" aria-labelledby="therapy-title">
      <div className="therapy-head">
        <h2 id="therapy-title">{t('therapyCard.title', { name: therapy.regimen.name })}</h2>
        <BadgeView badge={therapyStatusBadge(therapy.status)} />
      </div>
      <p className="small therapy-meta">{therapyMetaText(therapy, unit)}</p>
      <details className="small muted source">
        <summary>{t('therapyCard.source')}</summary>
        <span translate="no">{therapy.regimen.source}</span>
      </details>
      {therapy.warnings.length > 0 && (
        <ul className="pathway-warnings" aria-label={t('therapyCard.warnings')}>
          {therapy.warnings.map((w) => (
            <li key={w}>
              <span aria-hidden="true">⚠ </span>
              {serverText(w)}
            </li>
          ))}
        </ul>
      )}
      <div className="table-scroll-x">
        <table className="data cycle-table" aria-label={t('therapyCard.table')}>
          <thead>
            <tr>
              {COLUMNS.map((c, i) => (
                <th key={c} scope="col" className={i === 2 || i === 3 ? 'num' : undefined}>
                  {t(`therapyCard.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {therapy.cycles.map((c) => (
              <CycleRow key={c.cycle} cycle={c} unit={unit} zone={zone} />
            ))}
            {therapy.stopped && (
              <tr className="stopped-row">
                <th scope="row">{therapy.stopped.cycle}</th>
                <td colSpan={6}>
                  <strong>{t('therapyCard.stopped')}</strong> {therapy.stopped.reason}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {therapy.changes.length > 0 && (
        <>
          <h3>{t('therapyCard.changes')}</h3>
          <ul className="change-list" aria-label={t('therapyCard.changes')}>
            {therapy.changes.map((c, k) => (
              <li key={`${c.recordedAt}-${k}`}>
                <strong>{changeText(c)}</strong>: {c.reason}{' '}
                <span className="muted small">· {dateIn(Date.parse(c.recordedAt), zone)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CycleRow({ cycle: c, unit, zone }: { cycle: Cycle; unit: DisplayUnit; zone: string }) {
  const state = cycleState(c);
  return (
    <tr>
      <th scope="row">
        {c.cycle} <BadgeView badge={cycleStateBadge(state)} />
      </th>
      <td className="nowrap">
        {dayText(c.dueOn)}
        <span className="muted small block">{windowRange(c)}</span>
      </td>
      <td className="num nowrap">{gapText(c.gapDays)}</td>
      <td className="num nowrap">
        {formatActivity(c.administeredBq ?? c.activityBq, unit)}
        {c.level.kind !== 'standard' && (
          <span className="muted small block">{levelText(c.level, unit)}</span>
        )}
      </td>
      <td>
        {c.order === null ? (
          <span className="muted small">{ordersOnText(c.orderOn)}</span>
        ) : (
          <>
            <span className={`status status-${c.order.status}`}>
              {orderStatusText(c.order.status)}
            </span>
            <span className="muted small block">
              {calibrationText(c.order.calibrationAt, zone)}
            </span>
          </>
        )}
      </td>
      <td className="nowrap">{c.administeredOn === null ? '—' : dayText(c.administeredOn)}</td>
      <td className="reasons">
        {c.reasons.length === 0 ? <span className="muted">—</span> : c.reasons.join('; ')}
      </td>
    </tr>
  );
}
