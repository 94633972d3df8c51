import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import { i18n } from '../i18n/i18n.js';
import type { DesignRunSummary, DesignScenario, DesignTemplate } from './design-types.js';
import { EditorFields } from './editor-fields.js';
import { readScenarioFile, scenarioFileName, scenarioJson } from './scenario-file.js';
import { applyEdits, editsFrom, validateEdits, type ScenarioEdits } from './scenario-edits.js';
import { saveFile } from './save-file.js';
import { serverText } from '../i18n/server-texts.js';

const TEMPLATE_KEYS = [
  'network',
  'demo-network',
  'close-site',
  'cyclotron-30mev',
  'pb212-central',
  'pb212-distributed',
] as const;

/** A template's name in the user's language; one the app does not know keeps the server's. */
function templateName(tp: DesignTemplate): string {
  const key = TEMPLATE_KEYS.find((k) => k === tp.key);
  return key ? i18n.t(`design:templateNames.${key}`) : tp.name;
}

/**
 * A new scenario: from a template or a scenario file, the few things a person changes, checked
 * here field by field before it is sent; the server's refusal (naming the field) shows inline.
 */
export function ScenarioEditor(props: {
  templates: readonly DesignTemplate[];
  onSaved: (saved: DesignRunSummary) => void;
}) {
  const { t } = useTranslation('design', { keyPrefix: 'editor' });
  const [templateKey, setTemplateKey] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [base, setBase] = useState<DesignScenario | undefined>();
  const [edits, setEdits] = useState<ScenarioEdits | undefined>();
  const [tried, setTried] = useState(false);
  const [loadError, setLoadError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  function start(scenario: DesignScenario) {
    setBase(scenario);
    setEdits(editsFrom(scenario));
    setTried(false);
    setServerError(undefined);
    setLoadError(undefined);
  }

  async function chooseTemplate(key: string) {
    setTemplateKey(key);
    setFileName(undefined);
    if (!key) return;
    setBase(undefined);
    const r = await api.GET('/api/design/templates/{key}', { params: { path: { key } } });
    if (r.data) start(r.data);
    else setLoadError(errorText(r.error, t('templateLoading')));
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    const read = await readScenarioFile(file);
    if (!read.ok) {
      setLoadError(read.message);
      return;
    }
    setTemplateKey('');
    setFileName(file.name);
    start(read.scenario);
  }

  const errors = edits && tried ? validateEdits(edits) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!base || !edits) return;
    setTried(true);
    setServerError(undefined);
    const found = validateEdits(edits);
    if (found.length > 0) {
      document.getElementById(`design-${found[0]!.field}`)?.focus();
      return;
    }
    setBusy(true);
    const r = await api.POST('/api/design/scenarios', { body: applyEdits(base, edits) });
    setBusy(false);
    if (r.data) props.onSaved(r.data);
    else setServerError(t('refused', { message: errorText(r.error, String(r.response.status)) }));
  }

  return (
    <form
      className="card design-editor"
      aria-labelledby="design-editor-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="design-editor-title">{t('title')}</h2>
      <div className="form-row">
        <label className="grow">
          {t('startFrom')}
          <select value={templateKey} onChange={(e) => void chooseTemplate(e.target.value)}>
            <option value="">{t('chooseTemplate')}</option>
            {props.templates.map((tp) => (
              <option key={tp.key} value={tp.key}>
                {templateName(tp)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('importFile')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => void importFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {loadError && (
        <p className="error" role="alert">
          {loadError}
        </p>
      )}
      {templateKey && !base && !loadError && <p className="muted">{t('templateLoading')}</p>}
      {base && edits && (
        <>
          <p className="muted small">
            {fileName ? `${t('imported', { file: fileName })} · ` : ''}
            {base.description ? `${serverText(base.description)} ` : ''}
            {t('templateSize', {
              hospitals: base.hospitals.length,
              sites: base.sites.length,
              count: base.technologies.length,
            })}
          </p>
          <EditorFields base={base} edits={edits} errors={errors} onChange={setEdits} />
          {errors.length > 0 && (
            <p className="error" role="alert">
              {t('fixFields')}
            </p>
          )}
          {serverError && (
            <p className="error" role="alert">
              {serverError}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('saving') : t('save')}
            </button>
            <button
              type="button"
              onClick={() => {
                const draft = applyEdits(base, edits);
                saveFile(scenarioFileName(draft.name), scenarioJson(draft));
              }}
            >
              {t('downloadDraft')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
