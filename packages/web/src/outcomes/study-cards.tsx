import { useTranslation } from 'react-i18next';
import { studyName } from '../patients/clinical-text.js';
import { SyntheticTag } from '../patients/synthetic-tag.js';
import { studyLine } from './outcomes-text.js';
import type { Study } from './outcomes-types.js';

/** The studies to choose from: name, code, patients, and whether the caller is on its team. */
export function StudyCards(props: {
  studies: readonly Study[] | undefined;
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation('outcomes');
  if (props.studies === undefined) return <p className="muted">{t('studies.loading')}</p>;
  if (props.studies.length === 0) return <p className="muted card">{t('studies.none')}</p>;
  return (
    <ul className="study-cards" aria-label={t('studies.label')}>
      {props.studies.map((s) => (
        <li key={s.code} className="card">
          <a
            href={`/outcomes/${encodeURIComponent(s.code)}`}
            onClick={(e) => {
              e.preventDefault();
              props.onOpen(s.code);
            }}
          >
            <span className="mono">{s.code}</span> {s.synthetic && <SyntheticTag />}
            <span className="block study-name">{studyName(s.name)}</span>
          </a>
          <span className="muted small block">{studyLine(s)}</span>
        </li>
      ))}
    </ul>
  );
}
