import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../api/client.js';
import { studyName } from '../patients/clinical-text.js';
import { useLoaded } from '../patients/use-loaded.js';
import { DashboardView } from './dashboard-view.js';
import { GROUPINGS, groupingLabel } from './outcomes-text.js';
import type { Grouping, StudyList } from './outcomes-types.js';
import { StudyCards } from './study-cards.js';
import '../patients/clinical.css';
import './outcomes.css';

const STUDY_PATH = /^\/outcomes\/([^/]+)$/;

/**
 * The outcomes registry: the studies the caller may read (`/outcomes`), and one study's dashboard
 * (`/outcomes/{code}`) grouped by arm, disease volume, presentation or prior Lu-177 — the endpoint
 * table with its comparisons, the PSA waterfall, the swimmer plot (the study's team only), the
 * Kaplan–Meier curves of rPFS and OS with their numbers at risk, and the team's exports.
 */
export function OutcomesScreen(props: { me: Me; path: string; navigate: (p: string) => void }) {
  const { t } = useTranslation('outcomes');
  const [grouping, setGrouping] = useState<Grouping>('arm');
  const studies = useLoaded<StudyList>(
    'studies',
    () => api.GET('/api/studies'),
    t('screen.failed'),
  );
  const match = STUDY_PATH.exec(props.path)?.[1];
  const code = match === undefined ? undefined : decodeURIComponent(match);
  const list = studies.data?.studies ?? [];
  const open = (c: string) => props.navigate(`/outcomes/${encodeURIComponent(c)}`);

  return (
    <section className="clinical outcomes" aria-labelledby="outcomes-title">
      <div className="clinical-title-row">
        <div>
          <h1 id="outcomes-title">{t('screen.title')}</h1>
          <p className="muted small subtitle">{t('screen.subtitle')}</p>
        </div>
        <form className="clinical-controls" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('screen.study')}
            <select value={code ?? ''} onChange={(e) => e.target.value && open(e.target.value)}>
              {code === undefined && <option value="">{t('screen.choose')}</option>}
              {list.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code}
                  {s.synthetic ? t('screen.synthetic') : ''} · {studyName(s.name)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('screen.groupBy')}
            <select value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
              {GROUPINGS.map((g) => (
                <option key={g} value={g}>
                  {groupingLabel(g)}
                </option>
              ))}
            </select>
          </label>
        </form>
      </div>
      {studies.error && (
        <p role="alert" className="error">
          {studies.error}
        </p>
      )}
      {code === undefined ? (
        <StudyCards studies={studies.data?.studies} onOpen={open} />
      ) : (
        <DashboardView key={code} code={code} grouping={grouping} me={props.me} />
      )}
    </section>
  );
}
