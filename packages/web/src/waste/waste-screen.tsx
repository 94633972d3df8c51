import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type Me, type WorkingDay } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import { ContainerCard } from './container-card.js';
import { OpenContainerForm } from './open-container-form.js';
import { WasteChart } from './waste-chart.js';
import { WASTE_STATUSES, wasteStatusBadge } from './waste-text.js';
import type { Place, WasteContainer, WasteStatus } from './waste-types.js';
import './waste.css';

/**
 * The waste register (`/waste`): the containers of the caller's hospitals (hospital staff) or
 * sites (producer staff), what each holds now, when it may be released and why, a chart of their
 * activity over time; with waste.record, opening a container, adding items, closing it for decay
 * and releasing it after a survey. Times in the caller's zone, activities in the unit chosen.
 */
export function WasteScreen(props: { unit: DisplayUnit; me: Me; day: WorkingDay }) {
  const { unit, me, day } = props;
  const { t } = useTranslation('waste');
  const canRecord = me.capabilities['waste.record'] !== undefined;
  const atHospital =
    (me.capabilities['waste.record'] ?? me.capabilities['waste.read']) === 'organisation';
  const [containers, setContainers] = useState<WasteContainer[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [now, setNow] = useState(() => Date.now());
  const [status, setStatus] = useState<WasteStatus | ''>('');
  const [places, setPlaces] = useState<Place[]>([]);

  useEffect(() => {
    let live = true;
    void api.GET('/api/waste').then((r) => {
      if (!live) return;
      setNow(Date.now());
      setContainers(r.data?.containers ?? []);
      setError(r.data ? undefined : errorText(r.error, t('loadFailed')));
    });
    return () => {
      live = false;
    };
  }, [t]);

  // Where a container may be opened: the caller's hospitals, or the producer's sites.
  useEffect(() => {
    if (!canRecord) return undefined;
    let live = true;
    const sorted = (list: Place[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    if (atHospital) {
      void api.GET('/api/hospitals').then((r) => {
        if (live && r.data) setPlaces(sorted(r.data.hospitals));
      });
    } else {
      void api.GET('/api/sites').then((r) => {
        if (live && r.data) setPlaces(sorted(r.data.sites));
      });
    }
    return () => {
      live = false;
    };
  }, [canRecord, atHospital]);

  const shown = useMemo(
    () => (containers ?? []).filter((c) => status === '' || c.status === status),
    [containers, status],
  );
  const counts = useMemo(() => {
    const m = new Map<WasteStatus, number>();
    for (const c of containers ?? []) m.set(c.status, (m.get(c.status) ?? 0) + 1);
    return m;
  }, [containers]);

  // A container the API answered with: in its place, or first when it is new.
  const replace = (next: WasteContainer) => {
    setNow(Date.now());
    setContainers((list = []) =>
      list.some((c) => c.id === next.id)
        ? list.map((c) => (c.id === next.id ? next : c))
        : [next, ...list],
    );
  };

  return (
    <section className="waste" aria-labelledby="waste-title">
      <div className="waste-title-row">
        <div>
          <h1 id="waste-title">{t('title')}</h1>
          <p className="muted small subtitle">
            {atHospital
              ? t('subtitleHospitals', { zone: day.zone })
              : t('subtitleSites', { zone: day.zone })}
          </p>
        </div>
        <form className="waste-controls" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('statusFilter')}
            <select value={status} onChange={(e) => setStatus(e.target.value as WasteStatus | '')}>
              <option value="">{t('anyStatus', { n: containers?.length ?? 0 })}</option>
              {WASTE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t('statusChoice', { label: wasteStatusBadge(s).label, n: counts.get(s) ?? 0 })}
                </option>
              ))}
            </select>
          </label>
        </form>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {containers === undefined && !error && <p className="muted">{t('loading')}</p>}
      {containers !== undefined && <WasteChart containers={shown} unit={unit} now={now} />}
      {canRecord && (
        <OpenContainerForm
          places={places}
          placeHint={atHospital ? t('yourHospitals') : t('yourSites')}
          onOpened={replace}
        />
      )}
      {containers !== undefined && (
        <>
          {shown.length === 0 && (
            <p className="muted card">
              {containers.length === 0
                ? t('noContainersYet')
                : status === ''
                  ? t('noContainers')
                  : t('noStatusContainers', { status: wasteStatusBadge(status).label })}
            </p>
          )}
          <div className="waste-list" role="region" aria-label={t('containersLabel')}>
            {shown.map((c) => (
              <ContainerCard
                key={c.id}
                container={c}
                unit={unit}
                zone={day.zone}
                now={now}
                canRecord={canRecord}
                surveyor={me.displayName}
                onChange={replace}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
