import { useTranslation } from 'react-i18next';
import { formatNumber } from '../units.js';
import { dayText } from './clinical-text.js';
import type { PatientDetail } from './patient-types.js';
import { adverseEventsText, kgText, mmText, petResultText, psaText } from './patients-text.js';

const PET_COLUMNS = ['scan', 'tracer', 'result', 'suvMax', 'notes'] as const;
const VISIT_COLUMNS = ['visit', 'psa', 'weight', 'lesions', 'newLesions', 'adverse'] as const;
/** The maximum standardised uptake value: its symbol, as Chinese and English reports write it. */
const SUV_MAX = 'SUVmax';

/** The PET scans and the visits as recorded: PSA, weight, target lesions and their response, AEs. */
export function VisitsCard({ patient: p }: { patient: PatientDetail }) {
  const { t } = useTranslation('patients');
  const yesNo = (b: boolean | null) => (b === null ? '—' : b ? t('visits.yes') : t('visits.no'));
  const responseOn = new Map(p.endpoints.assessments.map((a) => [a.on, a]));
  return (
    <section className="card visits-card" aria-labelledby="visits-title">
      <h2 id="visits-title">{t('visits.title')}</h2>
      {p.pets.length === 0 ? (
        <p className="muted small">{t('visits.noPet')}</p>
      ) : (
        <div className="table-scroll-x">
          <table className="data" aria-label={t('visits.pets')}>
            <thead>
              <tr>
                {PET_COLUMNS.map((c, i) => (
                  <th key={c} scope="col" className={i === 3 ? 'num' : undefined}>
                    {c === 'suvMax' ? SUV_MAX : t(`visits.petColumns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.pets.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="nowrap">
                    {dayText(s.scannedOn)}
                  </th>
                  <td>{s.tracer}</td>
                  <td className={s.positive ? 'positive' : 'muted'}>
                    {petResultText(s.positive, s.criterion)}
                  </td>
                  <td className="num">{s.suvMax === null ? '—' : formatNumber(s.suvMax)}</td>
                  <td className="muted small" translate="no">
                    {s.notes || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.visits.length === 0 ? (
        <p className="muted small">{t('visits.noVisit')}</p>
      ) : (
        <div className="table-scroll-x">
          <table className="data" aria-label={t('visits.table')}>
            <thead>
              <tr>
                {VISIT_COLUMNS.map((c, i) => (
                  <th key={c} scope="col" className={i === 1 || i === 2 ? 'num' : undefined}>
                    {t(`visits.visitColumns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...p.visits].reverse().map((v) => {
                const a = responseOn.get(v.visitOn);
                return (
                  <tr key={v.id}>
                    <th scope="row" className="nowrap">
                      {dayText(v.visitOn)}
                    </th>
                    <td className="num nowrap">{psaText(v.psaNgMl)}</td>
                    <td className="num nowrap">{kgText(v.weightKg)}</td>
                    <td className="nowrap">
                      {a === undefined ? (
                        '—'
                      ) : (
                        <>
                          {mmText(a.sumMm)}{' '}
                          <strong className={`response response-${a.response}`}>
                            {a.response}
                          </strong>
                        </>
                      )}
                      {v.radiographicProgression && (
                        <span className="small block late">{t('visits.progression')}</span>
                      )}
                    </td>
                    <td>{yesNo(v.newLesions)}</td>
                    <td>{adverseEventsText(v.adverseEvents)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
