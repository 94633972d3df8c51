import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import type { Hl7Facility } from './interfaces-types.js';

/** Adds or changes a facility's mapping: its hospital, the account it orders as, its endpoint. */
export function FacilityForm(props: {
  hospitals: readonly { id: string; name: string }[];
  onSaved: (f: Hl7Facility) => void;
}) {
  const { t } = useTranslation('interfaces');
  const [facility, setFacility] = useState('');
  const [hospitalId, setHospitalId] = useState('');
  const [accountEmail, setAccountEmail] = useState('');
  const [host, setHost] = useState('');
  const [port, setPort] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ error: boolean; text: string } | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api.POST('/api/interfaces/hl7/facilities', {
      body: {
        facility,
        hospitalId,
        accountEmail,
        endpoint: host.trim() === '' ? null : { host: host.trim(), port: Number(port) },
      },
    });
    setBusy(false);
    if (r.data) {
      props.onSaved(r.data);
      setNote({ error: false, text: t('saved') });
    } else setNote({ error: true, text: errorText(r.error, t('saveFailed')) });
  };

  return (
    <form className="card interfaces-form" onSubmit={(e) => void submit(e)}>
      <label>
        {t('facility')}
        <input value={facility} onChange={(e) => setFacility(e.target.value)} required />
      </label>
      <label>
        {t('hospital')}
        <select value={hospitalId} onChange={(e) => setHospitalId(e.target.value)} required>
          <option value="">{t('chooseHospital')}</option>
          {props.hospitals.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('account')}
        <input
          type="email"
          value={accountEmail}
          onChange={(e) => setAccountEmail(e.target.value)}
          required
        />
      </label>
      <label>
        {t('host')}
        <input value={host} onChange={(e) => setHost(e.target.value)} />
      </label>
      <label>
        {t('port')}
        <input
          type="number"
          min={1}
          max={65535}
          value={port}
          onChange={(e) => setPort(e.target.value)}
          required={host.trim() !== ''}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t('saving') : t('save')}
      </button>
      {note && (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'error' : 'muted'}>
          {note.text}
        </p>
      )}
    </form>
  );
}
