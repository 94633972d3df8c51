import { useTranslation } from 'react-i18next';
import { BadgeView } from '../batches/badge-view.js';
import type { DisplayUnit } from '../units.js';
import { dayText } from './clinical-text.js';
import type { PatientDetail } from './patient-types.js';
import {
  characteristicsText,
  psaText,
  regimenDoseText,
  stageBadge,
  studyText,
  therapyStatusBadge,
  kgText,
} from './patients-text.js';
import { SyntheticTag } from './synthetic-tag.js';

/** Who the patient is (pseudonymously), where, in which study, and where they stand. */
export function PatientHeader({ patient: p, unit }: { patient: PatientDetail; unit: DisplayUnit }) {
  const { t } = useTranslation('patients');
  const characteristics = characteristicsText(p);
  return (
    <header className="card patient-header">
      <div className="patient-title">
        <h1 id="patient-title">
          {t('header.patient')} <span className="mono">{p.reference}</span>
        </h1>
        <BadgeView badge={stageBadge(p.stage)} />
        {p.synthetic && <SyntheticTag />}
      </div>
      <dl className="tiles">
        <div>
          <dt>{t('header.hospital')}</dt>
          <dd>{p.hospitalName}</dd>
        </div>
        <div>
          <dt>{t('header.study')}</dt>
          <dd>
            {studyText(p)}
            {characteristics && <span className="muted small block">{characteristics}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('header.enrolled')}</dt>
          <dd>
            {dayText(p.enrolledOn)}
            <span className="muted small block">{t('header.dayZero')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('header.weight')}</dt>
          <dd>
            {kgText(p.weightKg)}
            <span className="muted small block">{t('header.latestWeight')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('header.baselinePsa')}</dt>
          <dd>{psaText(p.baselinePsaNgMl)}</dd>
        </div>
        <div>
          <dt>{t('header.therapy')}</dt>
          <dd>
            {p.therapy === null ? (
              <span className="muted">{t('header.noTherapy')}</span>
            ) : (
              <>
                {p.therapy.regimen.code} <BadgeView badge={therapyStatusBadge(p.therapy.status)} />
                <span className="muted small block">
                  {p.therapy.regimen.nuclide} · {regimenDoseText(p.therapy.regimen, unit)}
                </span>
              </>
            )}
          </dd>
        </div>
        {p.deathOn !== null && (
          <div>
            <dt>{t('header.died')}</dt>
            <dd>{dayText(p.deathOn)}</dd>
          </div>
        )}
        {p.deathOn === null && p.lastContactOn !== null && (
          <div>
            <dt>{t('header.lastContact')}</dt>
            <dd>{dayText(p.lastContactOn)}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}
