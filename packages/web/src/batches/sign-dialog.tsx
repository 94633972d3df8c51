import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../api/client.js';
import { dayClockIn } from '../zoned-time.js';
import type { Decision } from './batch-figures.js';
import type { BatchDetail } from './batch-types.js';
import { Field, FormMessage } from './field.js';
import { fieldError, formError, serverErrors, type ServerErrors } from './server-errors.js';

/**
 * Who has signed in this page's life: the first signature of a session needs the signer's ID
 * (email) as well as the password (21 CFR 11.200); later ones the password only. Should the server
 * still ask for the ID (a new session), the field comes back with its message.
 */
const signedBefore = new Set<string>();

/**
 * The electronic signature of a QP's decision: the meaning as the signer reads it, their printed
 * name and the time, the ID (first signature of the session) and password, and for a rejection
 * its reason. A modal dialog: nothing else on the page is in reach until it is signed or cancelled.
 */
export function SignDialog(props: {
  detail: BatchDetail;
  decision: Decision;
  signer: Me;
  onSigned: (d: BatchDetail) => void;
  onClose: () => void;
}) {
  const { detail, decision, signer } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [openedAt] = useState(() => Date.now());
  const [askEmail, setAskEmail] = useState(!signedBefore.has(signer.userId));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const rejection = decision.meaning === 'rejection';
  const { t } = useTranslation('batches');
  /** An edited field no longer shows the refusal of the last try. */
  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setErrors(undefined);
  };

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await api.POST('/api/batches/{id}/signatures', {
      params: { path: { id: detail.batch.id } },
      body: {
        meaning: decision.meaning,
        password,
        ...(askEmail ? { email } : {}),
        ...(reason.trim() !== '' ? { reason } : {}),
      },
    });
    setBusy(false);
    if (!data) {
      const found = serverErrors(error, t('sign.failed'));
      if (fieldError(found, 'email')) setAskEmail(true);
      setPassword('');
      return setErrors(found);
    }
    signedBefore.add(signer.userId);
    props.onSigned(data);
  }

  const fields = ['email', 'password', 'reason'];
  return (
    <dialog
      ref={dialog}
      className="sign-dialog"
      aria-labelledby="sign-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="sign-title">
          {t('sign.title', { decision: decision.label.toLowerCase() })}
          <span className="block muted small">
            {t('sign.ofBatch', { batchNumber: detail.batch.batchNumber })}
          </span>
        </h2>
        <blockquote className="meaning">{decision.text}</blockquote>
        <dl className="sign-facts">
          <div>
            <dt>{t('sign.printedName')}</dt>
            <dd>{signer.displayName}</dd>
          </div>
          <div>
            <dt>{t('sign.time')}</dt>
            <dd>
              {dayClockIn(openedAt, detail.batch.siteZone)}{' '}
              <span className="muted small">({detail.batch.siteZone})</span>
            </dd>
          </div>
          <div>
            <dt>{t('sign.meaning')}</dt>
            <dd>{decision.label}</dd>
          </div>
        </dl>
        <p className="muted small">{t('sign.bound')}</p>
        {rejection && (
          <Field label={t('sign.rejectionReason')} error={fieldError(errors, 'reason')}>
            {(a11y) => (
              <textarea
                rows={2}
                value={reason}
                onChange={(e) => edit(setReason)(e.target.value)}
                {...a11y}
              />
            )}
          </Field>
        )}
        {askEmail && (
          <Field label={t('sign.id')} hint={t('sign.idHint')} error={fieldError(errors, 'email')}>
            {(a11y) => (
              <input
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => edit(setEmail)(e.target.value)}
                {...a11y}
              />
            )}
          </Field>
        )}
        <Field label={t('sign.password')} error={fieldError(errors, 'password')}>
          {(a11y) => (
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              autoFocus
              onChange={(e) => edit(setPassword)(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <FormMessage error={formError(errors, fields)} />
        <div className="form-actions">
          <button
            type="submit"
            className={rejection ? 'primary danger' : 'primary'}
            disabled={busy}
          >
            {busy ? t('sign.signing') : t(`sign.submit.${decision.meaning}`)}
          </button>
          <button type="button" className="secondary" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
