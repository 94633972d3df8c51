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
  WORDS,
} from './patients-text.js';

const W = WORDS.header;
import { SyntheticTag } from './synthetic-tag.js';

/** Who the patient is (pseudonymously), where, in which study, and where they stand. */
export function PatientHeader({ patient: p, unit }: { patient: PatientDetail; unit: DisplayUnit }) {
  const characteristics = characteristicsText(p);
  return (
    <header className="card patient-header">
      <div className="patient-title">
        <h1 id="patient-title">
          {W.patient} <span className="mono">{p.reference}</span>
        </h1>
        <BadgeView badge={stageBadge(p.stage)} />
        {p.synthetic && <SyntheticTag />}
      </div>
      <dl className="tiles">
        <div>
          <dt>{W.hospital}</dt>
          <dd>{p.hospitalName}</dd>
        </div>
        <div>
          <dt>{W.study}</dt>
          <dd>
            {studyText(p)}
            {characteristics && <span className="muted small block">{characteristics}</span>}
          </dd>
        </div>
        <div>
          <dt>{W.enrolled}</dt>
          <dd>
            {dayText(p.enrolledOn)}
            <span className="muted small block">{W.dayZero}</span>
          </dd>
        </div>
        <div>
          <dt>{W.weight}</dt>
          <dd>
            {kgText(p.weightKg)}
            <span className="muted small block">{W.latestWeight}</span>
          </dd>
        </div>
        <div>
          <dt>{W.baselinePsa}</dt>
          <dd>{psaText(p.baselinePsaNgMl)}</dd>
        </div>
        <div>
          <dt>{W.therapy}</dt>
          <dd>
            {p.therapy === null ? (
              <span className="muted">{W.noTherapy}</span>
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
            <dt>{W.died}</dt>
            <dd>{dayText(p.deathOn)}</dd>
          </div>
        )}
        {p.deathOn === null && p.lastContactOn !== null && (
          <div>
            <dt>{W.lastContact}</dt>
            <dd>{dayText(p.lastContactOn)}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}
