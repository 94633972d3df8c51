import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type WorkingDay } from '../api/client.js';
import { CompareCard } from './compare-card.js';
import { MAX_COMPARED } from './design-compare.js';
import {
  isSolved,
  type DesignRun,
  type DesignRunSummary,
  type DesignTemplate,
} from './design-types.js';
import { ResultView } from './result-view.js';
import { ScenarioEditor } from './scenario-editor.js';
import { scenarioFileName, scenarioJson } from './scenario-file.js';
import { ScenarioList } from './scenario-list.js';
import { saveFile } from './save-file.js';
import './design.css';

/** The list is read again this often while a scenario is queued or solving. */
const POLL_MS = 2_000;

const finished = (r: DesignRunSummary) => r.status === 'done' || r.status === 'failed';

/**
 * Network design (issue 16): saved scenarios with the solver's progress, an editor that starts
 * from a template or a file, the design of the one opened (figures, map, unserved demand) and up
 * to four designs side by side.
 */
export function DesignScreen(props: { day: WorkingDay }) {
  const [runs, setRuns] = useState<DesignRunSummary[] | undefined>();
  const [templates, setTemplates] = useState<DesignTemplate[]>([]);
  const [details, setDetails] = useState<ReadonlyMap<string, DesignRun>>(new Map());
  const [openId, setOpenId] = useState<string | undefined>();
  const [compareIds, setCompareIds] = useState<string[]>([]);
  const [editorOpen, setEditorOpen] = useState<boolean | undefined>();
  const [error, setError] = useState<string | undefined>();
  const fetching = useRef(new Set<string>());
  const { t } = useTranslation(['design', 'common']);

  const refresh = useCallback(async () => {
    const r = await api.GET('/api/design/scenarios');
    if (r.data) {
      setRuns(r.data.scenarios);
      setError(undefined);
    } else setError(errorText(r.error, t('loadFailed')));
  }, [t]);

  useEffect(() => {
    void refresh();
    void api.GET('/api/design/templates').then((r) => r.data && setTemplates(r.data.templates));
  }, [refresh]);

  // While any scenario is queued or solving, read the list again every 2 s.
  const solving = runs?.some((r) => !finished(r)) ?? false;
  useEffect(() => {
    if (!solving) return undefined;
    const timer = setTimeout(() => void refresh(), POLL_MS);
    return () => clearTimeout(timer);
  }, [solving, runs, refresh]);

  // The open and compared scenarios' designs, once finished (a finished design never changes).
  useEffect(() => {
    for (const id of new Set([openId, ...compareIds])) {
      const summary = runs?.find((r) => r.id === id);
      if (!id || !summary || !finished(summary)) continue;
      if (details.get(id)?.status === summary.status || fetching.current.has(id)) continue;
      fetching.current.add(id);
      void api.GET('/api/design/scenarios/{id}', { params: { path: { id } } }).then((r) => {
        fetching.current.delete(id);
        if (r.data) {
          const run = r.data;
          setDetails((prev) => new Map(prev).set(id, run));
        } else setError(errorText(r.error, t('loadFailed')));
      });
    }
  }, [runs, openId, compareIds, details, t]);

  async function download(id: string) {
    const known = details.get(id);
    const run =
      known ?? (await api.GET('/api/design/scenarios/{id}', { params: { path: { id } } })).data;
    if (run) saveFile(scenarioFileName(run.scenario.name), scenarioJson(run.scenario));
  }

  function toggleCompare(id: string, on: boolean) {
    setCompareIds((ids) =>
      on ? [...ids.filter((x) => x !== id), id].slice(-MAX_COMPARED) : ids.filter((x) => x !== id),
    );
  }

  const showEditor = editorOpen ?? runs?.length === 0;
  const open = runs?.find((r) => r.id === openId);
  const compared = compareIds.map((id) => details.get(id)).filter(isSolved);

  return (
    <section aria-labelledby="design-title" className="design-screen">
      <h1 id="design-title">{t('title')}</h1>
      <p className="muted design-intro">{t('intro')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {runs === undefined ? (
        <p className="muted">{t('common:loading')}</p>
      ) : (
        <ScenarioList
          runs={runs}
          zone={props.day.zone}
          openId={openId}
          compareIds={compareIds}
          editorOpen={showEditor}
          onOpen={setOpenId}
          onCompare={toggleCompare}
          onDownload={(id) => void download(id)}
          onToggleEditor={() => setEditorOpen(!showEditor)}
        />
      )}
      {showEditor && (
        <ScenarioEditor
          templates={templates}
          onSaved={(saved) => {
            setEditorOpen(false);
            setOpenId(saved.id);
            setRuns((prev) => [saved, ...(prev ?? []).filter((r) => r.id !== saved.id)]);
          }}
        />
      )}
      {compareIds.length >= 2 && (
        <CompareCard runs={compared} loading={compared.length < compareIds.length} />
      )}
      {open && <ResultView summary={open} run={details.get(open.id)} />}
    </section>
  );
}
