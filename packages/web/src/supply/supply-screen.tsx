import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, type WorkingDay } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import { DaySupply } from './day-supply.js';
import { GeneratorPanel } from './generator-panel.js';
import { GeneratorTable } from './generator-table.js';
import { LotPanel } from './lot-panel.js';
import { LotTable } from './lot-table.js';
import { generatorRows, siteOptions } from './supply-rows.js';
import type { Generator, GeneratorDetail, Lot, Site, SiteSupply } from './supply-types.js';
import './supply.css';

type Selection = { kind: 'generator'; id: string } | { kind: 'lot'; id: string } | undefined;

/**
 * The supply of a production site: its generators and bulk lots, the releases of a day as the
 * planner takes them, a generator's yield curve (with an elution recorded from here) and a lot's
 * decay, impurities, expiry, licence and waste. Times are the site's own; activities in `unit`.
 */
export function SupplyScreen({ unit, day }: { unit: DisplayUnit; day: WorkingDay }) {
  const [sites, setSites] = useState<Site[]>([]);
  const [allGenerators, setAllGenerators] = useState<Generator[]>([]);
  const [siteId, setSiteId] = useState('');
  const [date, setDate] = useState(day.date);
  const [details, setDetails] = useState<GeneratorDetail[] | undefined>();
  const [lots, setLots] = useState<Lot[] | undefined>();
  const [supply, setSupply] = useState<SiteSupply | undefined>();
  const [selection, setSelection] = useState<Selection>();
  const [error, setError] = useState<string | undefined>();
  const [supplyError, setSupplyError] = useState<string | undefined>();
  const [revision, setRevision] = useState(0);
  const { t, i18n } = useTranslation('supply');

  useEffect(() => {
    let live = true;
    void Promise.all([api.GET('/api/sites'), api.GET('/api/generators')]).then(([s, g]) => {
      if (!live) return;
      if (!s.data) return setError(errorText(s.error, t('loadSitesFailed')));
      setSites(s.data.sites);
      setAllGenerators(g.data?.generators ?? []);
    });
    return () => {
      live = false;
    };
  }, []);

  const options = useMemo(() => siteOptions(sites, allGenerators), [sites, allGenerators]);
  const site = options.find((o) => o.id === siteId) ?? options[0];
  const zone = site?.zone ?? 'UTC';

  // The site's records: its generators (each with its detail: efficiency, eluate now) and lots.
  useEffect(() => {
    if (!site) return undefined;
    let live = true;
    setDetails(undefined);
    setLots(undefined);
    setSelection(undefined);
    const query = { params: { query: { siteId: site.id } } };
    void Promise.all([api.GET('/api/generators', query), api.GET('/api/lots', query)]).then(
      async ([g, l]) => {
        if (!live) return;
        setLots(l.data?.lots ?? []);
        if (!g.data) return setError(errorText(g.error, t('loadGeneratorsFailed')));
        const replies = await Promise.all(
          g.data.generators.map((x) =>
            api.GET('/api/generators/{id}', { params: { path: { id: x.id } } }),
          ),
        );
        if (!live) return;
        setDetails(replies.flatMap((r) => (r.data ? [r.data] : [])));
        setError(undefined);
      },
    );
    return () => {
      live = false;
    };
  }, [site?.id]);

  // The day's supply, again after an elution is recorded (it may fall in the day).
  useEffect(() => {
    if (!site || !date) return undefined;
    let live = true;
    void api
      .GET('/api/sites/{id}/supply', { params: { path: { id: site.id }, query: { date } } })
      .then((r) => {
        if (!live) return;
        setSupply(r.data);
        setSupplyError(r.data ? undefined : errorText(r.error, t('loadSupplyFailed')));
      });
    return () => {
      live = false;
    };
  }, [site?.id, date, revision]);

  const rows = useMemo(
    () => (details ? generatorRows(details, supply?.siteId === site?.id ? supply : undefined) : []),
    // The language too: a row's warnings are in it.
    [details, supply, site?.id, i18n.language],
  );
  const selectedGenerator =
    selection?.kind === 'generator' ? details?.find((d) => d.id === selection.id) : undefined;
  const daySupply =
    supply && supply.siteId === site?.id && supply.date === date ? supply : undefined;

  function onElutionRecorded(updated: GeneratorDetail) {
    setDetails((ds) => ds?.map((d) => (d.id === updated.id ? updated : d)));
    setRevision((r) => r + 1);
  }

  return (
    <section aria-labelledby="supply-title" className="supply">
      <div className="supply-title-row">
        <h1 id="supply-title">{t('title')}</h1>
        <form className="supply-controls" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('site')}
            <select value={site?.id ?? ''} onChange={(e) => setSiteId(e.target.value)}>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('date')}
            <input
              type="date"
              value={date}
              required
              onChange={(e) => e.target.value && setDate(e.target.value)}
            />
          </label>
        </form>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {site && (
        <p className="muted small supply-site-line">
          {t('siteLine', { site: sites.find((s) => s.id === site.id)?.name ?? '', zone })}
        </p>
      )}

      <DaySupply supply={daySupply} date={date} unit={unit} zone={zone} error={supplyError} />

      <GeneratorTable
        rows={rows}
        loading={details === undefined}
        unit={unit}
        zone={zone}
        date={date}
        selectedId={selection?.kind === 'generator' ? selection.id : undefined}
        onSelect={(id) => setSelection(id ? { kind: 'generator', id } : undefined)}
      />
      {selectedGenerator && (
        <GeneratorPanel
          key={selectedGenerator.id}
          generator={selectedGenerator}
          unit={unit}
          zone={zone}
          revision={revision}
          onRecorded={onElutionRecorded}
          onClose={() => setSelection(undefined)}
        />
      )}

      <LotTable
        lots={lots}
        supply={daySupply}
        unit={unit}
        zone={zone}
        selectedId={selection?.kind === 'lot' ? selection.id : undefined}
        onSelect={(id) => setSelection(id ? { kind: 'lot', id } : undefined)}
      />
      {selection?.kind === 'lot' && (
        <LotPanel
          key={selection.id}
          id={selection.id}
          unit={unit}
          zone={zone}
          onClose={() => setSelection(undefined)}
        />
      )}
    </section>
  );
}
