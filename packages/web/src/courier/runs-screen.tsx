import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type Me, type WorkingDay } from '../api/client.js';
import { timeOnDay } from '../dispatch/shipment-status.js';
import type { ShipmentSummary } from '../dispatch/shipment-types.js';
import type { DisplayUnit } from '../units.js';
import { RunCard } from './run-card.js';
import { sortRuns } from './run-stops.js';
import '../dispatch/shipment-look.css';
import './runs.css';

/**
 * A courier's runs, phone first: each run to do with its stops in order (pick-up at the site,
 * delivery at the hospital), its status and the packages to scan; pick-up (scan, then sign),
 * a delay report, delivery (scan). Runs delivered are listed below. `GET /api/shipments` gives a
 * courier the runs given to them.
 */
export function RunsScreen(props: { unit: DisplayUnit; me: Me; day: WorkingDay }) {
  const [runs, setRuns] = useState<ShipmentSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const { t } = useTranslation('courier');

  useEffect(() => {
    let live = true;
    void api.GET('/api/shipments').then((r) => {
      if (!live) return;
      setRuns(r.data?.shipments ?? []);
      setError(r.data ? undefined : errorText(r.error, t('runs.loadFailed')));
    });
    return () => {
      live = false;
    };
  }, [version, t]);

  const { active, delivered } = sortRuns(runs ?? []);
  return (
    <section className="runs" aria-labelledby="runs-title">
      <div className="runs-title-row">
        <h1 id="runs-title">{t('runs.title')}</h1>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setRuns(undefined);
            setVersion((v) => v + 1);
          }}
        >
          {t('runs.refresh')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {runs === undefined && <p className="muted">{t('runs.loading')}</p>}
      {runs !== undefined && active.length === 0 && !error && (
        <p className="muted card">{t('runs.none')}</p>
      )}
      {active.map((r) => (
        <RunCard
          key={`${r.id}-${version}`}
          summary={r}
          unit={props.unit}
          me={props.me}
          day={props.day}
        />
      ))}
      {delivered.length > 0 && (
        <section className="card delivered-runs" aria-labelledby="delivered-title">
          <h2 id="delivered-title">{t('runs.delivered')}</h2>
          <ul>
            {delivered.map((r) => (
              <li key={r.id}>
                <span className="mono">{r.key}</span> · {r.hospitalName}
                <span className="muted block small">
                  {t('runs.deliveredAt', {
                    time: timeOnDay(r.expectedArrivalAt, r.hospitalZone, props.day.today),
                  })}
                  {r.delayMinutes > 0 ? ` ${t('runs.minLate', { n: r.delayMinutes })}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
