import { useTranslation } from 'react-i18next';
import type { LesionValues } from './patient-requests.js';
import { lesionName } from './patients-text.js';

/**
 * RECIST target lesions as rows of inputs: at enrolment each is described and measured (and may be
 * removed); at a visit the baseline's lesions are named and only measured again.
 */
export function LesionRows(props: {
  lesions: readonly LesionValues[];
  editable: boolean;
  errorOf: (index: number) => string | undefined;
  onChange: (lesions: LesionValues[]) => void;
}) {
  const { lesions, editable } = props;
  const { t } = useTranslation('patients');
  const change = (i: number, patch: Partial<LesionValues>) =>
    props.onChange(lesions.map((l, k) => (k === i ? { ...l, ...patch } : l)));
  return (
    <div className="lesion-rows">
      {lesions.map((l, i) => {
        const error = props.errorOf(i);
        return (
          <div
            key={i}
            className="lesion-row"
            role="group"
            aria-label={t('lesion.group', { name: lesionName(l, i, editable) })}
          >
            {editable ? (
              <>
                <label className="lesion-id">
                  {t('lesion.label')}
                  <input value={l.id} onChange={(e) => change(i, { id: e.target.value })} />
                </label>
                <label className="lesion-organ">
                  {t('lesion.organ')}
                  <input value={l.organ} onChange={(e) => change(i, { organ: e.target.value })} />
                </label>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={l.node}
                    onChange={(e) => change(i, { node: e.target.checked })}
                  />
                  {t('lesion.node')}
                </label>
              </>
            ) : (
              <span className="lesion-name">
                <strong>{l.id}</strong> {l.organ}
                {l.node ? ` ${t('lesion.nodeSuffix')}` : ''}
              </span>
            )}
            <label className="lesion-size">
              {l.node ? t('lesion.shortAxis') : t('lesion.longest')}
              <input
                inputMode="decimal"
                value={l.diameterMm}
                aria-invalid={error ? true : undefined}
                onChange={(e) => change(i, { diameterMm: e.target.value })}
              />
            </label>
            {editable && lesions.length > 1 && (
              <button
                type="button"
                className="secondary"
                aria-label={t('lesion.removeLabel', { n: i + 1 })}
                onClick={() => props.onChange(lesions.filter((_, k) => k !== i))}
              >
                {t('lesion.remove')}
              </button>
            )}
            {error && <span className="error small field-error lesion-error">{error}</span>}
          </div>
        );
      })}
    </div>
  );
}
