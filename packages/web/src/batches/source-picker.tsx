import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import type { DisplayUnit } from '../units.js';
import type { DrawKind } from './batch-types.js';
import { elutionOptions, lotOptions, runOptions, type SourceOption } from './source-options.js';
import { drawLabel } from './step-values.js';

const OTHER = '__other';

/** The site's recent supply records of one kind, for the picker (none for a kit lot number). */
async function loadOptions(
  kind: DrawKind,
  siteId: string,
  nuclide: string,
  zone: string,
  unit: DisplayUnit,
): Promise<SourceOption[]> {
  const now = Date.now();
  switch (kind) {
    case 'generator-elution': {
      const list = await api.GET('/api/generators', { params: { query: { siteId } } });
      const details = await Promise.all(
        (list.data?.generators ?? []).map((g) =>
          api.GET('/api/generators/{id}', { params: { path: { id: g.id } } }),
        ),
      );
      return elutionOptions(
        details.flatMap((d) => (d.data ? [d.data] : [])),
        now,
        zone,
        unit,
      );
    }
    case 'cyclotron-run': {
      const from = new Date(now - 24 * 3_600_000).toISOString();
      const runs = await api.GET('/api/cyclotron-runs', { params: { query: { siteId, from } } });
      return runOptions(runs.data?.runs ?? [], now, zone, unit);
    }
    case 'bulk-lot': {
      const lots = await api.GET('/api/lots', { params: { query: { siteId } } });
      return lotOptions(lots.data?.lots ?? [], nuclide, now, zone, unit);
    }
    case 'kit-lot':
      return [];
  }
}

/**
 * Where a step's starting material comes from: a select of the site's recent elutions, cyclotron
 * runs or lots (or another id typed in); for a kit, its lot number.
 */
export function SourcePicker(props: {
  kind: DrawKind;
  siteId: string;
  nuclide: string;
  zone: string;
  unit: DisplayUnit;
  value: string;
  onChange: (source: string) => void;
  error: string | undefined;
}) {
  const { kind, siteId, nuclide, zone, unit } = props;
  const [options, setOptions] = useState<SourceOption[] | undefined>();
  const [other, setOther] = useState(false);
  const errorId = useId();
  const { t } = useTranslation('batches');

  useEffect(() => {
    let live = true;
    void loadOptions(kind, siteId, nuclide, zone, unit).then((o) => {
      if (live) setOptions(o);
    });
    return () => {
      live = false;
    };
  }, [kind, siteId, nuclide, zone, unit]);

  const described = props.error ? errorId : undefined;
  const typed = kind === 'kit-lot' || other || (options !== undefined && options.length === 0);
  return (
    <div className="field source-field">
      {kind !== 'kit-lot' && options !== undefined && options.length > 0 && (
        <label>
          {drawLabel(kind)}
          <select
            value={other ? OTHER : props.value}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={described}
            onChange={(e) => {
              const v = e.target.value;
              setOther(v === OTHER);
              props.onChange(v === OTHER ? '' : v);
            }}
          >
            <option value="">{t('picker.choose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id} disabled={!o.measured}>
                {o.label}
              </option>
            ))}
            <option value={OTHER}>{t('picker.another')}</option>
          </select>
        </label>
      )}
      {typed && (
        <label>
          {kind === 'kit-lot' ? drawLabel(kind) : t('picker.id', { what: drawLabel(kind) })}
          <input
            type="text"
            value={props.value}
            placeholder={
              kind === 'kit-lot' ? t('picker.kitPlaceholder') : t('picker.idPlaceholder')
            }
            aria-invalid={props.error ? true : undefined}
            aria-describedby={described}
            onChange={(e) => props.onChange(e.target.value)}
          />
        </label>
      )}
      {options === undefined && kind !== 'kit-lot' && (
        <span className="muted small">{t(`picker.loading.${kind}`)}</span>
      )}
      {options !== undefined && options.length === 0 && kind !== 'kit-lot' && (
        <span className="muted small">{t('picker.none')}</span>
      )}
      {props.error && (
        <span id={errorId} className="error small field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}
