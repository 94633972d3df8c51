import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api, type Me } from '../api/client.js';
import { Field, FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import { ScanField } from '../dispatch/scan-field.js';
import type { ShipmentDetail } from '../dispatch/shipment-types.js';

/**
 * Who has signed in this page's life: the first signature of a session needs the signer's ID
 * (email) as well as the password; later ones the password only. Should the server still ask for
 * the ID (a new session), the field comes back with its message.
 */
const signedBefore = new Set<string>();
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
function markSigned(userId: string): void {
  signedBefore.add(userId);
  for (const l of listeners) l();
}

const FIELDS = ['scannedCodes', 'email', 'password'];

/**
 * The hand-over at the site: the courier scans every package, then signs with their password
 * (and ID at the first signature of a session). The server checks the scans and the signature.
 */
export function PickUpForm(props: {
  detail: ShipmentDetail;
  me: Me;
  codes: readonly string[];
  onChange: (d: ShipmentDetail) => void;
}) {
  const { detail, me } = props;
  const [scanned, setScanned] = useState<string[]>([]);
  // Every open run's form follows the first signature on this page, not only the one signed.
  const signed = useSyncExternalStore(subscribe, () => signedBefore.has(me.userId));
  const [serverAsks, setServerAsks] = useState(false);
  const askEmail = serverAsks || !signed;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('courier');
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setErrors(undefined);
    };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: { path: string; message: string }[] = [];
    if (scanned.length === 0)
      local.push({ path: 'scannedCodes', message: t('pickUp.scanPackages') });
    if (password === '') local.push({ path: 'password', message: t('pickUp.passwordRequired') });
    if (local.length > 0) {
      setErrors({ message: local.map((l) => l.message).join('; '), issues: local });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/shipments/{id}/pick-up', {
      params: { path: { id: detail.shipment.id } },
      body: {
        scannedCodes: scanned,
        password,
        ...(askEmail && email.trim() !== '' ? { email: email.trim() } : {}),
      },
    });
    setBusy(false);
    setPassword('');
    if (!data) {
      const found = serverErrors(error, t('pickUp.failed'));
      if (fieldError(found, 'email')) setServerAsks(true);
      return setErrors(found);
    }
    markSigned(me.userId);
    setServerAsks(false);
    setErrors(undefined);
    props.onChange(data);
  }

  return (
    <form
      className="run-form"
      aria-label={t('pickUp.form')}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3>{t('pickUp.title')}</h3>
      <ScanField
        large
        expected={props.codes}
        scanned={scanned}
        onChange={edit(setScanned)}
        error={fieldError(errors, 'scannedCodes')}
      />
      <p className="meaning-line small">
        <Trans
          ns="courier"
          i18nKey="pickUp.meaning"
          values={{ name: me.displayName, place: detail.shipment.hospitalName }}
          components={{ b: <strong /> }}
        />
      </p>
      {askEmail && (
        <Field
          label={t('pickUp.yourId')}
          hint={t('pickUp.firstSignature')}
          error={fieldError(errors, 'email')}
        >
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
      <Field label={t('pickUp.password')} error={fieldError(errors, 'password')}>
        {(a11y) => (
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => edit(setPassword)(e.target.value)}
            {...a11y}
          />
        )}
      </Field>
      <FormMessage error={formError(errors, FIELDS)} />
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? t('pickUp.signing') : t('pickUp.sign')}
      </button>
    </form>
  );
}
