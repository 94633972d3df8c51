import type { EChartOption } from '../charts/echart.js';
import { i18n } from '../i18n/i18n.js';
import { chinaGeo, laneSeries } from '../map/map-chart-option.js';
import { COLOURS as MAP_COLOURS } from '../map/map-data.js';
import type { DesignView, HospitalState, HospitalView, SiteView } from './design-result-data.js';
import type { TransportMode } from './design-types.js';
import { doses, minutes } from './design-format.js';

/** The design's map (pure): lines to the serving sites, hospitals by how much is served, sites by units. */

export const DESIGN_COLOURS = {
  served: '#15803d',
  partly: '#f59e0b',
  unserved: '#dc2626',
  none: '#94a3b8',
  siteExisting: MAP_COLOURS.site,
  siteNew: '#0891b2',
} as const;

export const HOSPITAL_STATES: readonly HospitalState[] = ['served', 'partly', 'unserved', 'none'];

const STATE_KEY = {
  served: 'served',
  partly: 'partly',
  unserved: 'unserved',
  none: 'noDemand',
} as const satisfies Record<HospitalState, string>;

/** A hospital's state as the legend and the panel name it. */
export const stateLabel = (state: HospitalState): string =>
  i18n.t(`design:map.${STATE_KEY[state]}`);

/** "from Beijing site, by road (2 h 10 min)"; without the time when made on site. */
export function fromText(site: string, mode: TransportMode, time: string): string {
  const m = i18n.t(`design:mode.${mode}`);
  return time
    ? i18n.t('design:map.fromTime', { site, mode: m, time })
    : i18n.t('design:map.from', { site, mode: m });
}

/** "3 units, 1 of them new". */
export const siteUnitsText = (units: number, added: number): string =>
  added > 0
    ? i18n.t('design:map.siteUnitsNew', { units, added })
    : i18n.t('design:map.siteUnits', { units });

/** A site's diamond grows with the square root of its units: 15 px for one, 34 px at most. */
export const siteSize = (units: number): number => Math.min(34, 10 + 5 * Math.sqrt(units));

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function hospitalTooltip(h: HospitalView): string {
  const lines = [
    `<strong>${escapeHtml(h.name)}</strong>`,
    `${escapeHtml(h.city)} · ${stateLabel(h.state)}`,
    ...h.supplies.map(
      (s) =>
        `${escapeHtml(s.productName)}: ${i18n.t('design:map.dosesWeek', { doses: doses(s.dosesPerWeek) })} ${escapeHtml(fromText(s.siteName, s.mode, minutes(s.transportMinutes)))}`,
    ),
    ...h.gaps.map((g) => `${escapeHtml(g.productName)}: ${i18n.t(`design:reason.${g.reason}`)}`),
  ];
  return lines.join('<br>');
}

export function siteTooltip(s: SiteView): string {
  return [
    `<strong>${escapeHtml(s.name)}</strong>`,
    siteUnitsText(s.units, s.newUnits),
    ...s.technologies.map((t) => `${escapeHtml(t.technology)} ×${t.existing + t.added}`),
  ].join('<br>');
}

type Place = { place: { kind: 'hospital'; h: HospitalView } | { kind: 'site'; s: SiteView } };

function siteSeries(id: string, name: string, colour: string, sites: readonly SiteView[]) {
  return {
    id,
    name,
    type: 'scatter',
    coordinateSystem: 'geo',
    symbol: 'diamond',
    z: 6,
    itemStyle: { color: colour, borderColor: '#ffffff', borderWidth: 1.5, opacity: 1 },
    label: {
      show: true,
      position: 'right',
      formatter: (p: { data?: Place }) =>
        p.data?.place.kind === 'site' && p.data.place.s.newUnits > 0
          ? `+${p.data.place.s.newUnits}`
          : '',
      color: '#0f172a',
      fontSize: 11,
      fontWeight: 600,
      textBorderColor: '#ffffff',
      textBorderWidth: 3,
    },
    data: sites.map((s) => ({
      name: s.name,
      value: s.value,
      symbolSize: siteSize(s.units),
      place: { kind: 'site', s },
    })),
  };
}

export function designMapOption(
  view: DesignView,
  settings: { readonly baseMap: string; readonly selectedId?: string | undefined },
): EChartOption {
  const { selectedId } = settings;
  const strong = selectedId
    ? view.lines.filter((l) => l.hospitalId === selectedId || l.siteId === selectedId)
    : [];
  const selected =
    view.hospitals.find((h) => h.id === selectedId) ?? view.sites.find((s) => s.id === selectedId);
  return {
    animation: false,
    backgroundColor: '#dbe7f3',
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data?: Partial<Place> }) => {
        const place = p.data?.place;
        if (!place) return '';
        return place.kind === 'hospital' ? hospitalTooltip(place.h) : siteTooltip(place.s);
      },
    },
    geo: chinaGeo(settings.baseMap),
    series: [
      laneSeries(
        'lines',
        strong.length > 0 ? view.lines.filter((l) => !strong.includes(l)) : view.lines,
        false,
      ),
      laneSeries('selected-lines', strong, true),
      ...HOSPITAL_STATES.map((state) => ({
        id: `hospitals-${state}`,
        name: stateLabel(state),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'circle',
        symbolSize: 7,
        // Above the sites' diamonds: a hospital with its own unit shows as a dot inside one.
        z: 7,
        itemStyle: {
          color: DESIGN_COLOURS[state],
          borderColor: '#ffffff',
          borderWidth: 1,
          opacity: 1,
        },
        emphasis: { scale: 1.6 },
        data: view.hospitals
          .filter((h) => h.state === state)
          .map((h) => ({ name: h.name, value: h.value, place: { kind: 'hospital', h } })),
      })),
      siteSeries(
        'sites-existing',
        i18n.t('design:map.siteExisting'),
        DESIGN_COLOURS.siteExisting,
        view.sites.filter((s) => s.newUnits === 0),
      ),
      siteSeries(
        'sites-new',
        i18n.t('design:map.siteNew'),
        DESIGN_COLOURS.siteNew,
        view.sites.filter((s) => s.newUnits > 0),
      ),
      {
        id: 'selected',
        type: 'scatter',
        coordinateSystem: 'geo',
        silent: true,
        symbol: 'circle',
        symbolSize: selected && 'units' in selected ? siteSize(selected.units) + 12 : 20,
        z: 8,
        itemStyle: { color: 'transparent', borderColor: '#0f172a', borderWidth: 2.5, opacity: 1 },
        data: selected ? [{ name: selected.name, value: selected.value }] : [],
      },
    ],
  };
}
