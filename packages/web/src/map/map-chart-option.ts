import { i18n } from '../i18n/i18n.js';
import type { EChartOption } from '../charts/echart.js';
import { COLOURS, type LaneLine, type MapPoint, type MapView } from './map-data.js';

export interface MapChartSettings {
  /** Name the base map was registered under (echarts.registerMap). */
  readonly baseMap: string;
  readonly showRoad: boolean;
  readonly showAir: boolean;
  /** The chosen place: ringed, with its own lanes drawn strong whatever the toggles say. */
  readonly selectedId?: string | undefined;
}

/** Longitude/latitude box the map opens on: mainland China with Hainan and the north-east. */
export const CHINA_BOUNDS: [[number, number], [number, number]] = [
  [73, 54],
  [135, 17],
];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The tooltip of a place: name, city and, for a hospital, its products in time. */
export function placeTooltip(p: MapPoint): string {
  const head = `<strong>${escapeHtml(p.name)}</strong><br>${escapeHtml(p.city)}`;
  if (p.kind === 'site') return `${head} · ${i18n.t('map:tooltipSite')}`;
  return `${head} · ${i18n.t('map:tooltipHospital', { reachable: p.reachable ?? 0, total: p.total ?? 0 })}`;
}

const point = (p: MapPoint) => ({ name: p.name, value: p.value, place: p });

const laneStyle = (mode: 'road' | 'air', strong: boolean) => ({
  color: mode === 'road' ? COLOURS.road : COLOURS.air,
  width: strong ? 2 : mode === 'road' ? 0.8 : 0.6,
  opacity: strong ? 0.9 : mode === 'road' ? 0.4 : 0.28,
  type: mode === 'road' ? ('solid' as const) : ('dashed' as const),
  curveness: mode === 'road' ? 0 : 0.2,
});

/** The base map as a geo component: China in white, its neighbours grey; zoom and pan. */
export function chinaGeo(baseMap: string) {
  return {
    map: baseMap,
    roam: true,
    boundingCoords: CHINA_BOUNDS,
    scaleLimit: { min: 0.8, max: 12 },
    silent: true,
    itemStyle: { areaColor: '#f1f5f9', borderColor: '#b6c2d2', borderWidth: 0.6 },
    regions: [{ name: 'China', itemStyle: { areaColor: '#ffffff', borderColor: '#94a3b8' } }],
    label: { show: false },
  };
}

/** Lines from sites to hospitals (the network map's lanes, the design's deliveries). */
export function laneSeries(
  id: string,
  lanes: readonly Pick<LaneLine, 'mode' | 'coords'>[],
  strong: boolean,
) {
  return {
    id,
    type: 'lines',
    coordinateSystem: 'geo',
    silent: true,
    z: strong ? 4 : 2,
    data: lanes.map((l) => ({ coords: l.coords, lineStyle: laneStyle(l.mode, strong) })),
  };
}

/** The map: a base map, lanes (road solid, air dashed), hospitals by reach class, sites. */
export function mapChartOption(view: MapView, settings: MapChartSettings): EChartOption {
  const { selectedId } = settings;
  const selectedLanes = selectedId
    ? view.lanes.filter((l) => l.siteId === selectedId || l.hospitalId === selectedId)
    : [];
  const shown = view.lanes.filter(
    (l) => (l.mode === 'road' ? settings.showRoad : settings.showAir) && !selectedLanes.includes(l),
  );
  const selected = [...view.sites, ...view.buckets.flatMap((b) => b.hospitals)].find(
    (p) => p.id === selectedId,
  );
  return {
    animation: false,
    backgroundColor: '#dbe7f3',
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: { data?: { place?: MapPoint } }) =>
        params.data?.place ? placeTooltip(params.data.place) : '',
    },
    geo: chinaGeo(settings.baseMap),
    series: [
      laneSeries('lanes', shown, false),
      laneSeries('selected-lanes', selectedLanes, true),
      ...view.buckets.map((b) => ({
        id: `hospitals-${b.key}`,
        name: b.label,
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'circle',
        symbolSize: 9,
        z: 5,
        itemStyle: { color: b.colour, borderColor: '#ffffff', borderWidth: 1, opacity: 1 },
        emphasis: { scale: 1.6 },
        data: b.hospitals.map(point),
      })),
      {
        id: 'sites',
        name: i18n.t('map:productionSite'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'diamond',
        symbolSize: 18,
        z: 6,
        itemStyle: { color: COLOURS.site, borderColor: '#ffffff', borderWidth: 1.5, opacity: 1 },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { data?: { place?: MapPoint } }) => p.data?.place?.city ?? '',
          color: '#0f172a',
          fontSize: 11,
          fontWeight: 600,
          textBorderColor: '#ffffff',
          textBorderWidth: 3,
        },
        data: view.sites.map(point),
      },
      {
        id: 'selected',
        type: 'scatter',
        coordinateSystem: 'geo',
        silent: true,
        symbol: 'circle',
        symbolSize: selected?.kind === 'site' ? 30 : 22,
        z: 7,
        itemStyle: { color: 'transparent', borderColor: '#0f172a', borderWidth: 2.5, opacity: 1 },
        data: selected ? [{ name: selected.name, value: selected.value }] : [],
      },
    ],
  };
}
