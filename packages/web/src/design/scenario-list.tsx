import { useTranslation } from 'react-i18next';
import { dayClockIn } from '../zoned-time.js';
import { MAX_COMPARED } from './design-compare.js';
import { progressText } from './design-format.js';
import type { DesignRunSummary } from './design-types.js';

const STATUS_CLASS: Readonly<Record<DesignRunSummary['status'], string>> = {
  queued: 'status',
  running: 'status status-running',
  done: 'status status-ready',
  failed: 'status status-failed',
};

/** Saved scenarios, newest first: status, the solver's progress or outcome, compare boxes. */
export function ScenarioList(props: {
  runs: readonly DesignRunSummary[];
  zone: string;
  openId: string | undefined;
  compareIds: readonly string[];
  editorOpen: boolean;
  onOpen: (id: string) => void;
  onCompare: (id: string, on: boolean) => void;
  onDownload: (id: string) => void;
  onToggleEditor: () => void;
}) {
  const { t } = useTranslation('design', { keyPrefix: 'list' });
  const { t: tDesign } = useTranslation('design');
  const solving = props.runs.some((r) => r.status === 'queued' || r.status === 'running');
  return (
    <div className="card flush design-list">
      <div className="card-head design-list-head">
        <h2 id="design-list-title">{t('title')}</h2>
        <p className="muted small">{t('compareHint')}</p>
        <button
          type="button"
          className="primary"
          onClick={props.onToggleEditor}
          aria-expanded={props.editorOpen}
        >
          {props.editorOpen ? t('hideEditor') : t('newScenario')}
        </button>
      </div>
      {props.runs.length === 0 ? (
        <p className="muted design-empty">{t('empty')}</p>
      ) : (
        <div className="design-table-wrap">
          <table className="data" aria-labelledby="design-list-title">
            <thead>
              <tr>
                <th scope="col">{t('compareColumn')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('progress')}</th>
                <th scope="col" className="design-hide-narrow">
                  {t('size')}
                </th>
                <th scope="col">{t('finished')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.runs.map((r) => {
                const checked = props.compareIds.includes(r.id);
                const full = props.compareIds.length >= MAX_COMPARED && !checked;
                return (
                  <tr
                    key={r.id}
                    data-scenario={r.id}
                    data-status={r.status}
                    aria-selected={r.id === props.openId}
                  >
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('compareLabel', { name: r.name })}
                        checked={checked}
                        disabled={r.status !== 'done' || full}
                        onChange={(e) => props.onCompare(r.id, e.target.checked)}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link design-open"
                        aria-label={t('open', { name: r.name })}
                        onClick={() => props.onOpen(r.id)}
                      >
                        {r.name}
                      </button>
                    </td>
                    <td>
                      <span className={STATUS_CLASS[r.status]}>
                        {tDesign(`status.${r.status}`)}
                      </span>
                    </td>
                    <td className="design-progress">{progressText(r)}</td>
                    <td className="muted design-hide-narrow">
                      {t('sizeText', { hospitals: r.hospitals, sites: r.sites })}
                    </td>
                    <td className="muted">
                      {r.finishedAt ? dayClockIn(Date.parse(r.finishedAt), props.zone) : '—'}
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => props.onDownload(r.id)}>
                        {t('download')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {solving && (
        <p className="muted small design-polling" role="status">
          {t('polling')}
        </p>
      )}
    </div>
  );
}
