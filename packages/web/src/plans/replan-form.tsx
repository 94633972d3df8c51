import type { Plan, PlanningInstance } from '@halflife/planner';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localInputIn } from '../zoned-time.js';
import { replanBody, type ReplanBody } from './replan.js';

/** The busiest line of the plan (most batches): the default choice. */
function busiestLine(plan: Pick<Plan, 'batches'>): { site: string; line: string } | undefined {
  const count = new Map<string, number>();
  for (const b of plan.batches) count.set(b.line, (count.get(b.line) ?? 0) + 1);
  const top = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  const batch = plan.batches.find((b) => b.line === top);
  return batch ? { site: batch.site, line: batch.line } : undefined;
}

/** Mark a line down from a time (to a time) and re-plan from "now". */
export function ReplanForm(props: {
  instance: Pick<PlanningInstance, 'sites' | 'horizon' | 'timeZone'>;
  plan: Pick<Plan, 'batches'>;
  busy: boolean;
  onReplan: (body: ReplanBody) => void;
}) {
  const zone = props.instance.timeZone ?? 'UTC';
  const { t } = useTranslation('plans');
  const sites = useMemo(
    () => [...props.instance.sites].sort((a, b) => a.name.localeCompare(b.name)),
    [props.instance.sites],
  );
  const first = busiestLine(props.plan);
  const [site, setSite] = useState(first?.site ?? sites[0]?.id ?? '');
  const [line, setLine] = useState(first?.line ?? sites[0]?.lines[0]?.id ?? '');
  const [from, setFrom] = useState(localInputIn(Date.parse(props.instance.horizon.start), zone));
  const [to, setTo] = useState('');
  const [now, setNow] = useState(localInputIn(Date.now(), zone));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const lines = sites.find((s) => s.id === site)?.lines ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    const body = replanBody({ site, line, from, to, now, reason }, zone);
    if (typeof body === 'string') return setError(body);
    setError(undefined);
    props.onReplan(body);
  }

  return (
    <form className="replan" onSubmit={submit} aria-labelledby="replan-title">
      <h3 id="replan-title">{t('replan.title')}</h3>
      <p className="muted small">{t('replan.hint', { zone })}</p>
      <div className="replan-grid">
        <label>
          {t('replan.site')}
          <select
            value={site}
            onChange={(e) => {
              setSite(e.target.value);
              setLine(sites.find((s) => s.id === e.target.value)?.lines[0]?.id ?? '');
            }}
          >
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('replan.line')}
          <select value={line} onChange={(e) => setLine(e.target.value)}>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('replan.downFrom')}
          <input
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            required
          />
        </label>
        <label>
          {t('replan.backAt')} <span className="optional">{t('replan.optional')}</span>
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t('replan.replanFrom')}
          <input
            type="datetime-local"
            value={now}
            onChange={(e) => setNow(e.target.value)}
            required
          />
        </label>
        <label className="grow">
          {t('replan.reason')}
          <input
            type="text"
            value={reason}
            placeholder={t('replan.reasonPlaceholder')}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      </div>
      <div className="replan-actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {t('replan.submit')}
        </button>
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
