import { useState } from 'react';
import type { Me, WorkingDay } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import { NO_FILTERS, type PatientFilters } from './patient-filter.js';
import { PatientList } from './patient-list.js';
import { PatientPage } from './patient-page.js';
import './clinical.css';
import './patients.css';

const PATIENT_PATH = /^\/patients\/([0-9a-f-]{36})$/i;

/**
 * Patients on a theranostic pathway: the list (`/patients`) — a hospital's own patients, or the
 * study team's studies' — with enrolment for physicians, and one patient (`/patients/{id}`): the
 * timeline of PET, cycles, PSA, lesions and adverse events, the next cycle and its order, the
 * cycles with their reasons, the derived endpoints; physicians record the pathway there.
 */
export function PatientsScreen(props: {
  unit: DisplayUnit;
  me: Me;
  day: WorkingDay;
  path: string;
  navigate: (p: string) => void;
}) {
  // The list's filters live here, so they survive a visit to a patient and back.
  const [filters, setFilters] = useState<PatientFilters>(NO_FILTERS);
  const id = PATIENT_PATH.exec(props.path)?.[1];
  if (id !== undefined) {
    return (
      <PatientPage
        key={id}
        id={id}
        unit={props.unit}
        me={props.me}
        day={props.day}
        onBack={() => props.navigate('/patients')}
      />
    );
  }
  return (
    <PatientList
      me={props.me}
      day={props.day}
      filters={filters}
      onFilters={setFilters}
      onOpen={(patientId) => props.navigate(`/patients/${patientId}`)}
    />
  );
}
