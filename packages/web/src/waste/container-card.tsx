import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { BadgeView } from '../batches/badge-view.js';
import { FormMessage } from '../batches/field.js';
import { serverText } from '../i18n/server-texts.js';
import { formatActivity, type DisplayUnit } from '../units.js';
import { ReleaseForm } from './release-form.js';
import { WasteItemForm } from './waste-item-form.js';
import {
  contentsText,
  dateTimeIn,
  releasable,
  releaseText,
  ruleText,
  wasteKindText,
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
  const { t } = useTranslation('waste');
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
      return setError(
        message === undefined ? t('card.closeFailed') : serverText(message.replace(/^id: /, '')),
      );
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
          {c.placeName} · {wasteKindText(c.kind)} · {ruleText(c)}
        </span>
      </div>
      <dl className="waste-figures">
        <div>
          <dt>{t('card.activityNow')}</dt>
          <dd>
            {formatActivity(c.nowBq, unit)}
            <span className="muted small block">{contentsText(c.now, unit)}</span>
          </dd>
        </div>
        <div className="figure-wide">
          <dt>{c.status === 'released' ? t('card.release') : t('card.earliestRelease')}</dt>
          <dd>
            {release.when}
            <span className="muted small block">{serverText(release.why)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('card.opened')}</dt>
          <dd>
            {dateTimeIn(c.openedAt, zone)}
            {c.closedAt && (
              <span className="muted small block">
                {t('card.closedAt', { at: dateTimeIn(c.closedAt, zone) })}
              </span>
            )}
          </dd>
        </div>
        {c.survey && (
          <div>
            <dt>{t('card.survey')}</dt>
            <dd>
              {c.survey.readingUSvPerH} µSv/h
              <span className="muted small block">
                {t('card.surveyBackground', { value: c.survey.backgroundUSvPerH })} ·{' '}
                {c.survey.instrument} · {c.survey.surveyor} ·{' '}
                {dateTimeIn(c.survey.surveyedAt, zone)}
              </span>
            </dd>
          </div>
        )}
      </dl>
      {c.earliest.warnings.length > 0 && (
        <ul className="waste-warnings" aria-label={t('card.warnings', { code: c.code })}>
          {c.earliest.warnings.map((w) => (
            <li key={w}>
              <span aria-hidden="true">⚠ </span>
              {serverText(w)}
            </li>
          ))}
        </ul>
      )}
      {c.items.length === 0 ? (
        <p className="muted small">{t('card.noItems')}</p>
      ) : (
        <div className="table-scroll-x">
          <table className="data waste-items" aria-label={t('card.items', { code: c.code })}>
            <thead>
              <tr>
                <th scope="col">{t('card.item')}</th>
                <th scope="col">{t('card.referenceTime')}</th>
                <th scope="col">{t('card.contents')}</th>
              </tr>
            </thead>
            <tbody>
              {c.items.map((i, k) => (
                <tr key={`${i.referenceAt}-${k}`}>
                  <th scope="row">{serverText(i.description)}</th>
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
                {t('card.addItem')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy || c.items.length === 0}
                title={c.items.length === 0 ? t('card.emptyCannotClose') : undefined}
                onClick={() => void close()}
              >
                {busy ? t('card.closing') : t('card.close')}
              </button>
            </>
          )}
          {c.status === 'closed' && (
            <button type="button" className="secondary" onClick={() => setOpen('release')}>
              {t('card.releaseAction')}
            </button>
          )}
          {c.status === 'closed' && !releasable(c, props.now) && (
            <span className="muted small">{t('card.notYet')}</span>
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
