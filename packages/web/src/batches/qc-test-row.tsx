import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { dayClockIn } from '../zoned-time.js';
import { BadgeView } from './badge-view.js';
import { testBadge } from './batch-status.js';
import type { BatchDetail, QcTest } from './batch-types.js';
import { fieldError, formError, serverErrors, type ServerErrors } from './server-errors.js';
import { serverText } from '../i18n/server-texts.js';

/** One test of the specification: its result and status, and (qc.record) entry or replacement. */
export function QcTestRow(props: {
  detail: BatchDetail;
  test: QcTest;
  editable: boolean;
  onChange: (d: BatchDetail) => void;
}) {
  const { detail, test, editable } = props;
  const [replacing, setReplacing] = useState(false);
  const { t } = useTranslation('batches');
  const zone = detail.batch.siteZone;
  const badge = testBadge(test);
  const entered = test.result !== undefined;
  const unit = test.unit === '' ? '' : test.unit === '%' ? ' %' : ` ${test.unit}`;
  const columns = editable ? 7 : 6;
  return (
    <>
      <tr className={test.status === 'fail' ? 'row-fail' : undefined}>
        <th scope="row" title={`${test.code} · ${test.basis} · ${test.source}`}>
          {test.name}
        </th>
        <td className={test.kind === 'pass-fail' ? 'limit-text' : 'nowrap'}>{test.limit}</td>
        <td className="nowrap">
          {test.timing === 'before-release' ? t('qc.beforeRelease') : t('qc.afterRelease')}
        </td>
        <td className="result">
          {entered ? (
            <span className={test.status === 'fail' ? 'fail-text' : undefined}>
              {test.kind !== 'pass-fail'
                ? `${test.result}${unit}`
                : test.result === test.limit
                  ? t('qc.asSpecified')
                  : test.result}
            </span>
          ) : editable ? (
            <ResultForm detail={detail} test={test} replacing={false} onChange={props.onChange} />
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td>
          <BadgeView badge={badge} />
          {test.status === 'fail' && test.reason && (
            <span className="block small fail-text">{serverText(test.reason)}</span>
          )}
        </td>
        <td className="small nowrap">
          {test.enteredBy ? (
            <>
              {test.enteredBy}
              <span
                className="muted block"
                title={
                  test.history > 0 ? t('qc.replacesTitle', { count: test.history }) : undefined
                }
              >
                {test.enteredAt ? dayClockIn(Date.parse(test.enteredAt), zone) : ''}
                {test.history > 0 && ` · ${t('qc.replaced', { n: test.history })}`}
              </span>
            </>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        {editable && (
          <td className="actions">
            {entered && !replacing && (
              <button
                type="button"
                className="secondary small-button"
                aria-label={t('qc.replaceLabel', { name: test.name })}
                onClick={() => setReplacing(true)}
              >
                {t('qc.replace')}
              </button>
            )}
          </td>
        )}
      </tr>
      {replacing && (
        <tr className="replace-row">
          <td colSpan={columns}>
            <ResultForm
              detail={detail}
              test={test}
              replacing
              onChange={props.onChange}
              onCancel={() => setReplacing(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}

/** Enters a test's result (a number, or pass/fail with a note); a replacement needs a reason. */
function ResultForm(props: {
  detail: BatchDetail;
  test: QcTest;
  replacing: boolean;
  onChange: (d: BatchDetail) => void;
  onCancel?: () => void;
}) {
  const { detail, test, replacing } = props;
  const observation = test.kind === 'pass-fail';
  const [value, setValue] = useState('');
  const [passed, setPassed] = useState<'pass' | 'fail'>('pass');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('batches');

  async function submit(e: FormEvent) {
    e.preventDefault();
    let result: { test: string; value?: number; passed?: boolean; note?: string };
    if (observation) {
      result = { test: test.code, passed: passed === 'pass', ...(note.trim() ? { note } : {}) };
    } else {
      const n = Number(value.trim().replace(',', '.'));
      if (value.trim() === '' || !Number.isFinite(n)) {
        setErrors({
          message: t('qc.expectedNumber'),
          issues: [{ path: 'results.0.value', message: t('qc.expectedNumber') }],
        });
        return;
      }
      result = { test: test.code, value: n };
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/batches/{id}/qc-results', {
      params: { path: { id: detail.batch.id } },
      body: { results: [result], ...(replacing && reason.trim() !== '' ? { reason } : {}) },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('qc.entryFailed')));
    setErrors(undefined);
    props.onChange(data);
  }

  const valueError = fieldError(errors, 'results');
  const reasonError = fieldError(errors, 'reason');
  const rest = formError(errors, ['results', 'reason']);
  return (
    <form
      className={replacing ? 'qc-entry qc-replace' : 'qc-entry'}
      aria-label={
        replacing
          ? t('qc.replaceLabel', { name: test.name })
          : t('qc.enterLabel', { name: test.name })
      }
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="qc-entry-row">
        {replacing && <span className="small">{t('qc.newResult', { name: test.name })}</span>}
        {observation ? (
          <>
            <select
              aria-label={t('qc.resultOf', { name: test.name })}
              value={passed}
              onChange={(e) => setPassed(e.target.value as 'pass' | 'fail')}
            >
              <option value="pass">{t('testStatus.pass')}</option>
              <option value="fail">{t('testStatus.fail')}</option>
            </select>
            <input
              type="text"
              aria-label={t('qc.noteOf', { name: test.name })}
              placeholder={t('qc.notePlaceholder')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </>
        ) : (
          <input
            type="text"
            inputMode="decimal"
            className="qc-value"
            aria-label={
              test.unit
                ? t('qc.resultOfIn', { name: test.name, unit: test.unit })
                : t('qc.resultOf', { name: test.name })
            }
            aria-invalid={valueError ? true : undefined}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        {replacing && (
          <input
            type="text"
            className="qc-reason"
            aria-label={t('qc.reasonOf', { name: test.name })}
            aria-invalid={reasonError ? true : undefined}
            placeholder={t('qc.reasonPlaceholder')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        <button type="submit" className="secondary" disabled={busy}>
          {replacing ? t('qc.replaceResult') : t('qc.save')}
        </button>
        {props.onCancel && (
          <button type="button" className="link" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
      {(valueError ?? reasonError ?? rest) && (
        <span role="alert" className="error small block qc-entry-error">
          {[valueError, reasonError, rest].filter(Boolean).join(' · ')}
        </span>
      )}
    </form>
  );
}
