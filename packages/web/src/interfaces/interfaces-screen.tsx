import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type Me, type WorkingDay } from '../api/client.js';
import { i18n } from '../i18n/i18n.js';
import { serverText } from '../i18n/server-texts.js';
import { dateTimeIn } from '../waste/waste-text.js';
import { FacilityForm } from './facility-form.js';
import type { Hl7Facility, Hl7OutboxEntry } from './interfaces-types.js';

/** A dead letter's last error in the user's language, its last attempt ("(attempt 5 of 5)") too. */
function lastErrorText(error: string): string {
  const last = /^(?<error>.+) \(attempt (?<n>\d+) of (?<max>\d+)\)$/s.exec(error)?.groups;
  return last?.error && last.n && last.max
    ? i18n.t('interfaces:lastAttempt', { error: serverText(last.error), n: last.n, max: last.max })
    : serverText(error);
}

/**
 * The hospital system interfaces (`/interfaces`, administrators): the HL7 v2 sending facilities
 * mapped to hospitals with their endpoints, a form to map one, and the dead letters of the outbox
 * with a retry for each.
 */
export function InterfacesScreen(props: { me: Me; day: WorkingDay }) {
  const { me, day } = props;
  const { t } = useTranslation('interfaces');
  const canManage = me.capabilities['interfaces.manage'] !== undefined;
  const [facilities, setFacilities] = useState<Hl7Facility[] | undefined>();
  const [dead, setDead] = useState<Hl7OutboxEntry[] | undefined>();
  const [hospitals, setHospitals] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [note, setNote] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    void Promise.all([
      api.GET('/api/interfaces/hl7/facilities'),
      api.GET('/api/interfaces/hl7/outbox', { params: { query: { status: 'dead', limit: 100 } } }),
      api.GET('/api/hospitals'),
    ]).then(([f, o, h]) => {
      if (!live) return;
      setFacilities(f.data?.facilities ?? []);
      setDead(o.data?.entries ?? []);
      setHospitals([...(h.data?.hospitals ?? [])].sort((a, b) => a.name.localeCompare(b.name)));
      const failed = f.error ?? o.error;
      setError(failed ? errorText(failed, t('loadFailed')) : undefined);
    });
    return () => {
      live = false;
    };
  }, [t]);

  const retry = async (id: string) => {
    setBusy(id);
    const r = await api.POST('/api/interfaces/hl7/outbox/{id}/retry', {
      params: { path: { id } },
    });
    setBusy(undefined);
    if (r.data) {
      setDead((list = []) => list.filter((e) => e.id !== id));
      setNote(t('retried'));
    } else setNote(errorText(r.error, t('retryFailed')));
  };

  const saved = (f: Hl7Facility) =>
    setFacilities((list = []) =>
      [...list.filter((x) => x.facility !== f.facility), f].sort((a, b) =>
        a.facility.localeCompare(b.facility),
      ),
    );

  return (
    <section aria-labelledby="interfaces-title">
      <h1 id="interfaces-title">{t('title')}</h1>
      <p className="muted small subtitle">{t('subtitle', { zone: day.zone })}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h2>{t('facilities')}</h2>
      {facilities === undefined && !error && <p className="muted">{t('loading')}</p>}
      {facilities?.length === 0 && <p className="muted card">{t('noFacilities')}</p>}
      {facilities !== undefined && facilities.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('facility')}</th>
              <th>{t('hospital')}</th>
              <th>{t('account')}</th>
              <th>{t('endpoint')}</th>
            </tr>
          </thead>
          <tbody>
            {facilities.map((f) => (
              <tr key={f.facility}>
                <td>{f.facility}</td>
                <td>{f.hospitalName}</td>
                <td>{f.accountEmail}</td>
                <td>{f.endpoint ? `${f.endpoint.host}:${f.endpoint.port}` : t('noEndpoint')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && <FacilityForm hospitals={hospitals} onSaved={saved} />}
      <h2>{t('deadLetters')}</h2>
      {note && (
        <p role="status" className="muted">
          {note}
        </p>
      )}
      {dead?.length === 0 && <p className="muted card">{t('noDeadLetters')}</p>}
      {dead !== undefined && dead.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('message')}</th>
              <th>{t('facility')}</th>
              <th>{t('order')}</th>
              <th>{t('attempts')}</th>
              <th>{t('lastError')}</th>
              <th>{t('createdAt')}</th>
              {canManage && <th />}
            </tr>
          </thead>
          <tbody>
            {dead.map((e) => (
              <tr key={e.id}>
                <td>{e.messageType}</td>
                <td>{e.facility}</td>
                <td>{e.placerOrder}</td>
                <td>{e.attempts}</td>
                <td>{e.lastError === null ? null : lastErrorText(e.lastError)}</td>
                <td>{dateTimeIn(e.createdAt, day.zone)}</td>
                {canManage && (
                  <td>
                    <button type="button" disabled={busy === e.id} onClick={() => void retry(e.id)}>
                      {busy === e.id ? t('retrying') : t('retry')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
