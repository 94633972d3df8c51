import { useState } from 'react';
import { api } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import { FormMessage } from '../batches/field.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { ReleaseForm } from './release-form.js';
import { WasteItemForm } from './waste-item-form.js';
import {
  contentsText,
  dateTimeIn,
  releasable,
  releaseText,
  ruleText,
  wasteStatusBadge,
} from './waste-text.js';
import type { WasteContainer } from './waste-types.js';

/**
 * One waste container: code, place, kind, rule and status; its activity now by nuclide; the
 * earliest release and why; warnings; its items. With waste.record: add an item and close an open
 * container; release a closed one after its survey.
 */
export function ContainerCard(props: {
  container: WasteContainer;
  unit: DisplayUnit;
  zone: string;
  now: number;
  canRecord: boolean;
  surveyor: string;
  onChange: (c: WasteContainer) => void;
}) {
  const { container: c, unit, zone } = props;
  const [open, setOpen] = useState<'item' | 'release' | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const titleId = `waste-${c.id}`;
  const release = releaseText(c, zone);
  const done = (next: WasteContainer) => {
    setOpen(undefined);
    setError(undefined);
    props.onChange(next);
  };

  async function close() {
    setBusy(true);
    const { data, error: e } = await api.POST('/api/waste/{id}/close', {
      params: { path: { id: c.id } },
    });
    setBusy(false);
    if (!data) {
      const message = (e as { error?: { message?: string } } | undefined)?.error?.message;
      return setError(message?.replace(/^id: /, '') ?? 'the container could not be closed');
    }
    done(data);
  }

  return (
    <section className="card waste-container" aria-labelledby={titleId}>
      <div className="container-head">
        <h2 id={titleId} className="mono container-code">
          {c.code}
        </h2>
        <BadgeView badge={wasteStatusBadge(c.status)} />
        <span className="muted small">
          {c.placeName} · {c.kind} · {ruleText(c)}
        </span>
      </div>
      <dl className="waste-figures">
        <div>
          <dt>Activity now</dt>
          <dd>
            {formatActivity(c.nowBq, unit)}
            <span className="muted small block">{contentsText(c.now, unit)}</span>
          </dd>
        </div>
        <div className="figure-wide">
          <dt>{c.status === 'released' ? 'Release' : 'Earliest release'}</dt>
          <dd>
            {release.when}
            <span className="muted small block">{release.why}</span>
          </dd>
        </div>
        <div>
          <dt>Opened</dt>
          <dd>
            {dateTimeIn(c.openedAt, zone)}
            {c.closedAt && (
              <span className="muted small block">closed {dateTimeIn(c.closedAt, zone)}</span>
            )}
          </dd>
        </div>
        {c.survey && (
          <div>
            <dt>Survey</dt>
            <dd>
              {c.survey.readingUSvPerH} µSv/h
              <span className="muted small block">
                background {c.survey.backgroundUSvPerH} µSv/h · {c.survey.instrument} ·{' '}
                {c.survey.surveyor} · {dateTimeIn(c.survey.surveyedAt, zone)}
              </span>
            </dd>
          </div>
        )}
      </dl>
      {c.earliest.warnings.length > 0 && (
        <ul className="waste-warnings" aria-label={`Warnings for ${c.code}`}>
          {c.earliest.warnings.map((w) => (
            <li key={w}>
              <span aria-hidden="true">⚠ </span>
              {w}
            </li>
          ))}
        </ul>
      )}
      {c.items.length === 0 ? (
        <p className="muted small">No items yet.</p>
      ) : (
        <div className="table-scroll-x">
          <table className="data waste-items" aria-label={`Items in ${c.code}`}>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Reference time</th>
                <th scope="col">Contents at that time</th>
              </tr>
            </thead>
            <tbody>
              {c.items.map((i, k) => (
                <tr key={`${i.referenceAt}-${k}`}>
                  <th scope="row">{i.description}</th>
                  <td className="nowrap">{dateTimeIn(i.referenceAt, zone)}</td>
                  <td>{contentsText(i.contents, unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormMessage error={error} />
      {props.canRecord && open === undefined && c.status !== 'released' && (
        <div className="container-actions">
          {c.status === 'open' && (
            <>
              <button type="button" className="secondary" onClick={() => setOpen('item')}>
                Add an item…
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy || c.items.length === 0}
                title={c.items.length === 0 ? 'an empty container cannot be closed' : undefined}
                onClick={() => void close()}
              >
                {busy ? 'Closing…' : 'Close for decay'}
              </button>
            </>
          )}
          {c.status === 'closed' && (
            <button type="button" className="secondary" onClick={() => setOpen('release')}>
              Release…
            </button>
          )}
          {c.status === 'closed' && !releasable(c, props.now) && (
            <span className="muted small">Its release date has not come yet.</span>
          )}
        </div>
      )}
      {open === 'item' && (
        <WasteItemForm
          container={c}
          zone={zone}
          unit={unit}
          onDone={done}
          onCancel={() => setOpen(undefined)}
        />
      )}
      {open === 'release' && (
        <ReleaseForm
          container={c}
          zone={zone}
          surveyor={props.surveyor}
          onDone={done}
          onCancel={() => setOpen(undefined)}
        />
      )}
    </section>
  );
}
