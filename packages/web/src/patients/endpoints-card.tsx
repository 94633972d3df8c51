import { useTranslation } from 'react-i18next';
import type { PatientDetail } from './patient-types.js';
import { endpointFigures } from './patients-text.js';

/** The endpoints derived from the pathway: PSA response, best response, rPFS, OS, toxicity. */
export function EndpointsCard({ patient }: { patient: PatientDetail }) {
  const { t } = useTranslation('patients');
  return (
    <section className="card" aria-labelledby="endpoints-title">
      <h2 id="endpoints-title">{t('endpoints.title')}</h2>
      <dl className="tiles endpoint-tiles">
        {endpointFigures(patient.endpoints).map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>
              {f.value}
              <span className="muted small block">{f.note}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted small chart-caption">{t('endpoints.caption')}</p>
    </section>
  );
}
