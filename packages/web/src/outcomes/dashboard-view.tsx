import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../api/client.js';
import { studyName } from '../patients/clinical-text.js';
import { SyntheticTag } from '../patients/synthetic-tag.js';
import { useLoaded } from '../patients/use-loaded.js';
import { EndpointTable } from './endpoint-table.js';
import { groupColours } from './group-colours.js';
import { KmCard } from './km-card.js';
import { dashboardInLanguage, dashboardLine } from './outcomes-text.js';
import type { Dashboard, Grouping } from './outcomes-types.js';
import { SwimmerCard } from './swimmer-card.js';
import { WaterfallCard } from './waterfall-card.js';

/** One study's dashboard, grouped as chosen; the team's exports beside its title. */
export function DashboardView(props: { code: string; grouping: Grouping; me: Me }) {
  const { code, grouping } = props;
  const { t } = useTranslation('outcomes');
  const canExport = props.me.capabilities['cohorts.export'] !== undefined;
  const loaded = useLoaded<Dashboard>(
    `${code}:${grouping}`,
    // openapi-fetch widens the curves' [months, S, lower, upper] tuples to plain arrays; the
    // schema's own type (Dashboard) keeps them exact.
    () =>
      api.GET('/api/studies/{code}/dashboard', {
        params: { path: { code }, query: { groupBy: grouping } },
      }) as Promise<{ data?: Dashboard; error?: unknown }>,
    t('dashboard.failed'),
  );
  const { i18n } = useTranslation();
  const raw = loaded.data;
  const d = useMemo(() => raw && dashboardInLanguage(raw), [raw, i18n.language]);
  const colours = useMemo(() => groupColours(d?.groups.map((g) => g.group) ?? []), [d]);

  if (loaded.error)
    return (
      <p role="alert" className="error">
        {loaded.error}
      </p>
    );
  if (d === undefined) return <p className="muted">{t('dashboard.loading')}</p>;
  return (
    <div className="dashboard" data-study={d.study.code} data-grouping={d.grouping}>
      <div className="card dashboard-head">
        <div>
          <h2>
            {studyName(d.study.name)} {d.study.synthetic && <SyntheticTag />}
          </h2>
          <p className="muted small">
            <span className="mono">{d.study.code}</span> · {dashboardLine(d)}
          </p>
        </div>
        {canExport && (
          <div className="exports" role="group" aria-label={t('dashboard.exports')}>
            <a
              className="button"
              href={`/api/studies/${encodeURIComponent(code)}/export.csv`}
              download
            >
              {t('dashboard.csv')}
            </a>
            <a
              className="button"
              href={`/api/studies/${encodeURIComponent(code)}/export.fhir`}
              download
            >
              {t('dashboard.fhir')}
            </a>
          </div>
        )}
      </div>
      <EndpointTable dashboard={d} colours={colours} />
      <WaterfallCard dashboard={d} colours={colours} />
      <SwimmerCard dashboard={d} colours={colours} />
      <KmCard dashboard={d} endpoint="rpfs" colours={colours} />
      <KmCard dashboard={d} endpoint="os" colours={colours} />
    </div>
  );
}
