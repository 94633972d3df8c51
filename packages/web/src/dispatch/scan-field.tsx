import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addScans, compareScans, removeScan, scanProgressText } from './scan-list.js';
import './scan-field.css';

/**
 * The packages' label codes, scanned: a keyboard-wedge scanner types a code and Enter into the
 * input, and each code becomes a chip (removable). Below, what is still missing and what does
 * not belong — a hint only: the server compares the list again and decides. Used at loading
 * (dispatch), pick-up and delivery (courier).
 */
export function ScanField(props: {
  expected: readonly string[];
  scanned: readonly string[];
  onChange: (codes: string[]) => void;
  /** The server's error for the scanned codes (`scannedCodes`). */
  error: string | undefined;
  label?: string;
  /** Bigger touch targets (the courier's phone). */
  large?: boolean;
}) {
  const { expected, scanned } = props;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [entry, setEntry] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const check = compareScans(expected, scanned);
  const extra = new Set(check.extra);
  const { t } = useTranslation('dispatch');

  function add() {
    const result = addScans(scanned, entry, expected);
    setEntry('');
    setNotice(
      result.twice.length > 0
        ? t('scan.twice', { codes: result.twice.join(', '), count: result.twice.length })
        : undefined,
    );
    if (result.added.length > 0) props.onChange(result.list);
    input.current?.focus();
  }

  function remove(code: string) {
    setNotice(undefined);
    props.onChange(removeScan(scanned, code));
    input.current?.focus();
  }

  const errorId = `${id}-error`;
  const statusId = `${id}-status`;
  return (
    <div className={`scan-field${props.large ? ' large' : ''}`}>
      <label htmlFor={`${id}-input`}>
        <span>
          {props.label ?? t('scan.label')}
          <span className="hint"> · {t('scan.hint')}</span>
        </span>
      </label>
      <div className="scan-entry">
        <input
          id={`${id}-input`}
          ref={input}
          type="text"
          className="mono"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="enter"
          value={entry}
          onChange={(e) => setEntry(e.target.value)}
          onKeyDown={(e) => {
            // The scanner's Enter adds the code; it must not submit the form around the field.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          aria-describedby={props.error ? `${errorId} ${statusId}` : statusId}
          {...(props.error ? { 'aria-invalid': true } : {})}
        />
        <button type="button" className="secondary" onClick={add} disabled={entry.trim() === ''}>
          {t('scan.add')}
        </button>
      </div>
      {props.error && (
        <span id={errorId} className="error small field-error">
          {props.error}
        </span>
      )}
      {scanned.length > 0 && (
        <ul className="scan-chips" aria-label={t('scan.scannedCodes')}>
          {scanned.map((code) => (
            <li
              key={code}
              className={`scan-chip ${extra.has(code) ? 'scan-chip-extra' : 'scan-chip-ok'}`}
              title={extra.has(code) ? t('scan.notOfShipmentTitle') : t('scan.expected')}
            >
              <span className="mono">{code}</span>
              {extra.has(code) && <span className="scan-chip-note">{t('scan.notOfShipment')}</span>}
              <button
                type="button"
                aria-label={t('scan.remove', { code })}
                onClick={() => remove(code)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p id={statusId} className="scan-status small" role="status">
        <span className={check.missing.length === 0 && expected.length > 0 ? 'ok' : undefined}>
          {scanProgressText(check, expected.length)}
        </span>
        {check.missing.length > 0 && (
          <span className="block">
            {t('scan.stillToScan')}{' '}
            {check.missing.map((code, k) => (
              <span key={code}>
                {k > 0 && ', '}
                <span className="mono">{code}</span>
              </span>
            ))}
          </span>
        )}
        {check.extra.length > 0 && (
          <span className="block attention">
            {t('scan.extra', { codes: check.extra.join(', ') })}
          </span>
        )}
        {notice && <span className="block muted">{notice}</span>}
        <span className="block muted">{t('scan.checkNote')}</span>
      </p>
    </div>
  );
}
