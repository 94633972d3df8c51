import { useTranslation } from 'react-i18next';
import { api, type Me, type WorkingDay } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import { EndpointsCard } from './endpoints-card.js';
import { NextCyclePanel } from './next-cycle-panel.js';
import { PathwayActions } from './pathway-actions.js';
import { PatientHeader } from './patient-header.js';
import type { Catalogue, PatientDetail } from './patient-types.js';
import { TherapyCard } from './therapy-card.js';
import { TimelineCard } from './timeline-card.js';
import { useLoaded } from './use-loaded.js';
import { VisitsCard } from './visits-card.js';

/**
 * One patient's pathway: who (pseudonymously) and where, the next cycle and its order, the timeline,
 * the derived endpoints, the therapy's cycles with their reasons, the visits and scans. A
 * physician records the pathway here; every answer of the API is the whole pathway again.
 */
export function PatientPage(props: {
  id: string;
  unit: DisplayUnit;
  me: Me;
  day: WorkingDay;
  onBack: () => void;
}) {
  const { id, unit, day } = props;
  const { t } = useTranslation('patients');
  const mayRecord = props.me.capabilities['patients.record'] !== undefined;
  const patient = useLoaded<PatientDetail>(
    `patient:${id}`,
    () => api.GET('/api/patients/{id}', { params: { path: { id } } }),
    t('page.failed'),
  );
  // The regimens and tracers the forms offer: only for those who record.
  const catalogue = useLoaded<Catalogue>(
    mayRecord ? 'catalogue' : null,
    () => api.GET('/api/therapy/catalogue'),
    t('page.catalogueFailed'),
  );
  const p = patient.data;
  // A synthetic demo patient is shown, never recorded for (the server refuses it too).
  const canRecord = mayRecord && p?.synthetic === false;

  return (
    <section className="clinical patient-page" aria-labelledby="patient-title">
      <a
        className="back"
        href="/patients"
        onClick={(e) => {
          e.preventDefault();
          props.onBack();
        }}
      >
        {t('page.back')}
      </a>
      {[patient.error, catalogue.error].map(
        (error) =>
          error && (
            <p key={error} role="alert" className="error">
              {error}
            </p>
          ),
      )}
      {p === undefined && !patient.error && <p className="muted">{t('page.loading')}</p>}
      {p !== undefined && (
        <>
          <PatientHeader patient={p} unit={unit} />
          {p.therapy && (
            <NextCyclePanel
              patient={p}
              therapy={p.therapy}
              unit={unit}
              zone={p.hospitalZone}
              canRecord={canRecord}
              onChange={patient.set}
            />
          )}
          {canRecord && (
            <PathwayActions
              patient={p}
              catalogue={catalogue.data}
              unit={unit}
              day={day}
              onChange={patient.set}
            />
          )}
          <TimelineCard patient={p} unit={unit} day={day} />
          <EndpointsCard patient={p} />
          {p.therapy && <TherapyCard therapy={p.therapy} unit={unit} zone={p.hospitalZone} />}
          <VisitsCard patient={p} />
        </>
      )}
    </section>
  );
}
