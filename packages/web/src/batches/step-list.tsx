import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatActivity, type DisplayUnit } from '../units.js';
import { dayClockIn } from '../zoned-time.js';
import type { BatchDetail, BatchStep, StepEntry } from './batch-types.js';
import { StepForm } from './step-form.js';
import { drawLabel, stepViews, valueText, type StepView } from './step-values.js';

/** The master recipe's steps in order: signed ones with their record, the next one as a form. */
export function StepList(props: {
  detail: BatchDetail;
  unit: DisplayUnit;
  canRecord: boolean;
  onChange: (d: BatchDetail) => void;
}) {
  const { detail } = props;
  const [correcting, setCorrecting] = useState<string | undefined>();
  const { t } = useTranslation('batches');
  const views = stepViews(detail);
  const signed = views.filter((v) => v.state === 'signed').length;
  const closed = detail.batch.status === 'rejected' || detail.voided !== null;
  return (
    <div className="card" role="region" aria-labelledby="steps-title">
      <div className="card-head">
        <h2 id="steps-title">{t('steps.title')}</h2>
        <p className="muted small">
          {t('steps.progress', { signed, total: views.length })} · {detail.recipe.source}
        </p>
      </div>
      <ol className="steps">
        {views.map((v) => (
          <li
            key={v.step.code}
            className={`step step-${v.state}`}
            aria-current={v.state === 'next' ? 'step' : undefined}
            aria-label={t('steps.stepLabel', {
              number: v.number,
              name: v.step.name,
              state: t(`steps.state.${v.state}`),
            })}
          >
            <div className="step-marker" aria-hidden="true">
              {v.state === 'signed' ? '✓' : v.number}
            </div>
            <div className="step-body">
              <div className="step-head">
                <h3 className="step-name">{v.step.name}</h3>
                <span
                  className={`badge tone-${v.state === 'signed' ? 'good' : v.state === 'next' ? 'info' : 'neutral'}`}
                >
                  {t(`steps.state.${v.state}`)}
                </span>
                {v.step.draws && (
                  <span className="muted small">
                    {t('steps.draws', { what: drawLabel(v.step.draws).toLowerCase() })}
                  </span>
                )}
                {v.step.eos && <span className="muted small">{t('steps.recordsEos')}</span>}
              </div>
              <p className="muted small step-instruction">{v.step.instruction}</p>
              {v.current && (
                <SignedStep
                  view={v}
                  entry={v.current}
                  detail={detail}
                  unit={props.unit}
                  canCorrect={props.canRecord && !closed}
                  correcting={correcting === v.step.code}
                  onCorrect={(open) => setCorrecting(open ? v.step.code : undefined)}
                  onChange={(d) => {
                    setCorrecting(undefined);
                    props.onChange(d);
                  }}
                />
              )}
              {v.state === 'next' && props.canRecord && !closed && (
                <StepForm
                  key={`${v.step.code}-${detail.steps.flatMap((s) => s.entries).length}`}
                  detail={detail}
                  step={v.step}
                  correcting={undefined}
                  unit={props.unit}
                  onSigned={props.onChange}
                />
              )}
              {v.state === 'next' && !props.canRecord && !closed && (
                <p className="muted small">{t('steps.waitingForRadiopharmacist')}</p>
              )}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

function EntryValues({ step, entry }: { step: BatchStep; entry: StepEntry }) {
  return (
    <dl className="step-values">
      {step.fields.map((f) => (
        <div key={f.code}>
          <dt>{f.name}</dt>
          <dd>{valueText(f, entry.values[f.code])}</dd>
        </div>
      ))}
    </dl>
  );
}

function SignedStep(props: {
  view: StepView;
  entry: StepEntry;
  detail: BatchDetail;
  unit: DisplayUnit;
  canCorrect: boolean;
  correcting: boolean;
  onCorrect: (open: boolean) => void;
  onChange: (d: BatchDetail) => void;
}) {
  const { view, entry, detail } = props;
  const zone = detail.batch.siteZone;
  const when = (iso: string) => dayClockIn(Date.parse(iso), zone);
  const { t } = useTranslation('batches');
  return (
    <div className="step-signed">
      <EntryValues step={view.step} entry={entry} />
      <p className="small step-signature">
        <Trans
          ns="batches"
          i18nKey="steps.signedBy"
          values={{ name: entry.signedBy, time: when(entry.signedAt) }}
          components={{ b: <strong /> }}
        />
        {entry.supersedes !== null && entry.reason && (
          <span className="correction-reason">
            {' · '}
            {t('steps.corrected', { reason: entry.reason })}
          </span>
        )}
        {props.canCorrect && !props.correcting && (
          <button
            type="button"
            className="secondary small-button"
            aria-label={t('steps.correctLabel', { name: view.step.name })}
            onClick={() => props.onCorrect(true)}
          >
            {t('steps.correct')}
          </button>
        )}
      </p>
      {view.step.materials.length > 0 && (
        <ul className="materials small">
          {view.step.materials.map((m) => (
            <li key={m.id}>
              {drawLabel(m.kind)}: <code title={m.source}>{shortId(m.source)}</code>
              {m.activityBq !== null &&
                ` · ${t('steps.drawn', { amount: formatActivity(m.activityBq, props.unit) })}`}
            </li>
          ))}
        </ul>
      )}
      {view.history.length > 0 && (
        <details className="history">
          <summary>{t('steps.history', { count: view.history.length })}</summary>
          <ul>
            {view.history.map(({ entry: old, replacedBecause }) => (
              <li key={old.id}>
                <EntryValues step={view.step} entry={old} />
                <span className="small muted">
                  {t('steps.earlierSignedBy', { name: old.signedBy, time: when(old.signedAt) })}
                  {replacedBecause &&
                    ` · ${t('steps.replacedBecause', { reason: replacedBecause })}`}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {props.correcting && (
        <StepForm
          detail={detail}
          step={view.step}
          correcting={entry}
          unit={props.unit}
          onSigned={props.onChange}
          onCancel={() => props.onCorrect(false)}
        />
      )}
    </div>
  );
}

/** A uuid shortened for reading ("3f2a9c1e…"); other sources (kit lots) as they are. */
function shortId(source: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(source) ? `${source.slice(0, 8)}…` : source;
}
