import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { BatchDetail } from './batch-types.js';
import { Field, FormMessage } from './field.js';
import { fieldError, serverErrors, type ServerErrors } from './server-errors.js';

/** Imports an instrument's CSV export (`test,value` or `test,result`), pasted or from a file. */
export function QcCsvImport(props: { detail: BatchDetail; onChange: (d: BatchDetail) => void }) {
  const { detail } = props;
  const [csv, setCsv] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('batches');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setDone(undefined);
    const { data, error } = await api.POST('/api/batches/{id}/qc-results/csv', {
      params: {
        path: { id: detail.batch.id },
        query: reason.trim() ? { reason: reason.trim() } : {},
      },
      body: csv,
      headers: { 'content-type': 'text/csv' },
      bodySerializer: (body: string) => body,
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('csv.failed')));
    setErrors(undefined);
    const rows = csv.trim().split(/\r?\n/).length - 1;
    setDone(t('csv.imported', { count: rows }));
    setCsv('');
    setReason('');
    props.onChange(data);
  }

  const reasonError = fieldError(errors, 'reason');
  // A CSV's errors name their lines ("line 3: value: …"): shown under the text as they are.
  const csvError = errors && !reasonError ? errors.message : undefined;
  return (
    <form className="qc-csv" aria-label={t('csv.form')} onSubmit={(e) => void submit(e)}>
      <h3>{t('csv.title')}</h3>
      <Field label={t('csv.export')} hint={t('csv.exportHint')} error={csvError}>
        {(a11y) => (
          <textarea
            rows={6}
            spellCheck={false}
            className="mono"
            placeholder={'test,value\nph,6.2\nrcp,98.5\nappearance,pass'}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            {...a11y}
          />
        )}
      </Field>
      <label className="file-input">
        <span>{t('csv.file')}</span>
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(setCsv);
          }}
        />
      </label>
      <Field label={t('csv.reason')} hint={t('csv.reasonHint')} error={reasonError}>
        {(a11y) => (
          <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} {...a11y} />
        )}
      </Field>
      <FormMessage done={done} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || csv.trim() === ''}>
          {busy ? t('csv.importing') : t('csv.submit')}
        </button>
      </div>
    </form>
  );
}
