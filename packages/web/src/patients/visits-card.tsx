import { formatNumber } from '../units.js';
import { dayText } from './clinical-text.js';
import type { PatientDetail } from './patient-types.js';
import {
  adverseEventsText,
  kgText,
  mmText,
  petResultText,
  psaText,
  WORDS,
} from './patients-text.js';

const W = WORDS.visits;

const yesNo = (b: boolean | null) => (b === null ? '—' : b ? W.yes : W.no);

/** The PET scans and the visits as recorded: PSA, weight, target lesions and their response, AEs. */
export function VisitsCard({ patient: p }: { patient: PatientDetail }) {
  const responseOn = new Map(p.endpoints.assessments.map((a) => [a.on, a]));
  return (
    <section className="card visits-card" aria-labelledby="visits-title">
      <h2 id="visits-title">{W.title}</h2>
      {p.pets.length === 0 ? (
        <p className="muted small">{W.noPet}</p>
      ) : (
        <div className="table-scroll-x">
          <table className="data" aria-label={W.pets}>
            <thead>
              <tr>
                {W.petColumns.map((c, i) => (
                  <th key={c} scope="col" className={i === 3 ? 'num' : undefined}>
                    {c}
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
                  <td className="muted small">{s.notes || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.visits.length === 0 ? (
        <p className="muted small">{W.noVisit}</p>
      ) : (
        <div className="table-scroll-x">
          <table className="data" aria-label={W.table}>
            <thead>
              <tr>
                {W.visitColumns.map((c, i) => (
                  <th key={c} scope="col" className={i === 1 || i === 2 ? 'num' : undefined}>
                    {c}
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
                        <span className="small block late">{W.progression}</span>
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
