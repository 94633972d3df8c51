import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Me, type WorkingDay } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import { dayText } from './clinical-text.js';
import { EnrolForm } from './enrol-form.js';
import { filterPatients, studiesAmong, type PatientFilters } from './patient-filter.js';
import type { PatientListReply, PatientSummary, Stage } from './patient-types.js';
import { loadMoreText, regimenCodeText, shownText, stageBadge, STAGES } from './patients-text.js';
import { SyntheticTag } from './synthetic-tag.js';
import { useLoaded } from './use-loaded.js';

/** The most the API lists at once. */
const PAGE = 500;
const COLUMNS = ['reference', 'study', 'stage', 'regimen', 'enrolled'] as const;

/**
 * The patients the caller may see: reference, study and arm (synthetic ones marked), stage,
 * regimen, enrolment, and for a study's team the hospital; filters; enrolment for physicians.
 */
export function PatientList(props: {
  me: Me;
  day: WorkingDay;
  filters: PatientFilters;
  onFilters: (f: PatientFilters) => void;
  onOpen: (id: string) => void;
}) {
  const { filters } = props;
  const { t } = useTranslation('patients');
  const canRecord = props.me.capabilities['patients.record'] !== undefined;
  const ofStudies = props.me.capabilities['patients.read'] === 'study';
  const [enrolling, setEnrolling] = useState(false);
  const [more, setMore] = useState<PatientSummary[]>([]);
  const loaded = useLoaded<PatientListReply>(
    'patients',
    () => api.GET('/api/patients', { params: { query: { limit: PAGE, offset: 0 } } }),
    t('list.failed'),
  );
  const patients = useMemo(
    () => (loaded.data === undefined ? undefined : [...loaded.data.patients, ...more]),
    [loaded.data, more],
  );
  const total = loaded.data?.total ?? 0;
  // The API lists at most PAGE at once: the next ones are added on request.
  async function loadMore() {
    const r = await api.GET('/api/patients', {
      params: { query: { limit: PAGE, offset: patients?.length ?? 0 } },
    });
    if (r.data) setMore((m) => [...m, ...r.data.patients]);
  }
  const shown = useMemo(() => filterPatients(patients ?? [], filters), [patients, filters]);
  const studies = useMemo(() => studiesAmong(patients ?? []), [patients]);
  const set = (patch: Partial<PatientFilters>) => props.onFilters({ ...filters, ...patch });

  return (
    <section className="clinical patients" aria-labelledby="patients-title">
      <div className="clinical-title-row">
        <div>
          <h1 id="patients-title">{t('list.title')}</h1>
          <p className="muted small subtitle">
            {ofStudies ? t('list.subtitleStudy') : t('list.subtitleHospital')}
          </p>
        </div>
        {canRecord && (
          <button
            type="button"
            className="secondary"
            aria-expanded={enrolling}
            onClick={() => setEnrolling((x) => !x)}
          >
            {t('list.enrol')}
          </button>
        )}
      </div>
      {canRecord && enrolling && (
        <EnrolForm
          day={props.day}
          onCancel={() => setEnrolling(false)}
          onEnrolled={(p) => props.onOpen(p.id)}
        />
      )}
      <form className="clinical-controls patient-filters" onSubmit={(e) => e.preventDefault()}>
        <label className="grow">
          {t('list.search')}
          <input
            type="search"
            value={filters.text}
            placeholder={t('list.searchHint')}
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
        <label>
          {t('list.study')}
          <select value={filters.study} onChange={(e) => set({ study: e.target.value })}>
            <option value="">{t('list.anyStudy')}</option>
            <option value="none">{t('list.noStudy')}</option>
            {studies.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code}
                {s.synthetic ? t('list.synthetic') : ''} · {s.count}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.stage')}
          <select
            value={filters.stage}
            onChange={(e) => set({ stage: e.target.value as Stage | '' })}
          >
            <option value="">{t('list.anyStage')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageBadge(s).label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {loaded.error && (
        <p role="alert" className="error">
          {loaded.error}
        </p>
      )}
      <div className="card flush" role="region" aria-label={t('list.region')}>
        {patients === undefined && !loaded.error && (
          <p className="muted empty">{t('list.loading')}</p>
        )}
        {patients !== undefined && shown.length === 0 && (
          <p className="muted empty">
            {patients.length === 0 ? t('list.empty') : t('list.noMatch')}
          </p>
        )}
        {shown.length > 0 && (
          <div className="table-scroll-x">
            <table className="data patient-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col">
                      {t(`list.columns.${c}`)}
                    </th>
                  ))}
                  {ofStudies && <th scope="col">{t('list.hospital')}</th>}
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <PatientRow
                    key={p.id}
                    patient={p}
                    showHospital={ofStudies}
                    onOpen={props.onOpen}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {patients && (
        <p className="muted small">
          {shownText(shown.length, total)}{' '}
          {patients.length < total && (
            <button type="button" className="link" onClick={() => void loadMore()}>
              {loadMoreText(Math.min(PAGE, total - patients.length))}
            </button>
          )}
        </p>
      )}
    </section>
  );
}

function PatientRow(props: {
  patient: PatientSummary;
  showHospital: boolean;
  onOpen: (id: string) => void;
}) {
  const { patient: p, onOpen } = props;
  const { t } = useTranslation('patients');
  return (
    <tr>
      <th scope="row" className="nowrap">
        <a
          className="mono"
          href={`/patients/${p.id}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen(p.id);
          }}
        >
          {p.reference}
        </a>
      </th>
      <td>
        {p.studyCode === null ? (
          <span className="muted">{t('list.noStudyCell')}</span>
        ) : (
          <>
            {p.studyCode} {p.synthetic && <SyntheticTag />}
            {p.arm && <span className="muted small block">{p.arm}</span>}
          </>
        )}
      </td>
      <td>
        <BadgeView badge={stageBadge(p.stage)} />
      </td>
      <td className={p.regimenCode === null ? 'muted nowrap' : 'nowrap'}>
        {regimenCodeText(p.regimenCode)}
      </td>
      <td className="nowrap">{dayText(p.enrolledOn)}</td>
      {props.showHospital && <td className="muted small">{p.hospitalName}</td>}
    </tr>
  );
}
