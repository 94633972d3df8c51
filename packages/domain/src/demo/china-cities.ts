/**
 * Real Chinese cities for demo data: every provincial-level capital of the mainland (the four
 * municipalities, 22 provincial capitals, 5 autonomous-region capitals) and 32 other large or
 * remote cities, so that the demo has dense eastern clusters and long western air legs.
 *
 * Coordinates are city centres to 4 decimals (WGS 84), from general geographic knowledge; a few
 * kilometres of error would not change any demo lane. All 63 have a commercial airport. Hong Kong,
 * Macau and Taiwan are left out: they regulate radiopharmaceuticals separately.
 */
import { DEMO_ZONE } from './demo-day.js';

export interface ChinaCity {
  /** A stable lowercase slug, e.g. 'xian'. */
  key: string;
  name: string;
  province: string;
  latitude: number;
  longitude: number;
  /**
   * A demo sizing tier, loosely after the usual commercial city tiers (not an official ranking):
   * 1 Beijing, Shanghai, Guangzhou, Shenzhen; 2 the "new first-tier" regional centres; 3 other
   * capitals and large cities; 4 prefecture-level and remote cities.
   */
  tier: 1 | 2 | 3 | 4;
  hasAirport: boolean;
  timeZone: string;
}

type Row = readonly [key: string, name: string, province: string, lat: number, lon: number];

const rows: Record<ChinaCity['tier'], readonly Row[]> = {
  1: [
    ['beijing', 'Beijing', 'Beijing', 39.9042, 116.4074],
    ['shanghai', 'Shanghai', 'Shanghai', 31.2304, 121.4737],
    ['guangzhou', 'Guangzhou', 'Guangdong', 23.1291, 113.2644],
    ['shenzhen', 'Shenzhen', 'Guangdong', 22.5431, 114.0579],
  ],
  2: [
    ['chengdu', 'Chengdu', 'Sichuan', 30.5728, 104.0668],
    ['chongqing', 'Chongqing', 'Chongqing', 29.563, 106.5516],
    ['hangzhou', 'Hangzhou', 'Zhejiang', 30.2741, 120.1551],
    ['wuhan', 'Wuhan', 'Hubei', 30.5928, 114.3055],
    ['xian', "Xi'an", 'Shaanxi', 34.3416, 108.9398],
    ['zhengzhou', 'Zhengzhou', 'Henan', 34.7466, 113.6253],
    ['nanjing', 'Nanjing', 'Jiangsu', 32.0603, 118.7969],
    ['tianjin', 'Tianjin', 'Tianjin', 39.0842, 117.2009],
    ['changsha', 'Changsha', 'Hunan', 28.2282, 112.9388],
    ['shenyang', 'Shenyang', 'Liaoning', 41.8057, 123.4315],
    ['qingdao', 'Qingdao', 'Shandong', 36.0671, 120.3826],
    ['hefei', 'Hefei', 'Anhui', 31.8206, 117.2272],
    ['kunming', 'Kunming', 'Yunnan', 25.0389, 102.7183],
  ],
  3: [
    ['shijiazhuang', 'Shijiazhuang', 'Hebei', 38.0428, 114.5149],
    ['taiyuan', 'Taiyuan', 'Shanxi', 37.8706, 112.5489],
    ['hohhot', 'Hohhot', 'Inner Mongolia', 40.8424, 111.749],
    ['changchun', 'Changchun', 'Jilin', 43.8171, 125.3235],
    ['harbin', 'Harbin', 'Heilongjiang', 45.8038, 126.535],
    ['fuzhou', 'Fuzhou', 'Fujian', 26.0745, 119.2965],
    ['nanchang', 'Nanchang', 'Jiangxi', 28.682, 115.8579],
    ['jinan', 'Jinan', 'Shandong', 36.6512, 117.1201],
    ['nanning', 'Nanning', 'Guangxi', 22.817, 108.3665],
    ['haikou', 'Haikou', 'Hainan', 20.044, 110.1999],
    ['guiyang', 'Guiyang', 'Guizhou', 26.647, 106.6302],
    ['lanzhou', 'Lanzhou', 'Gansu', 36.0611, 103.8343],
    ['xining', 'Xining', 'Qinghai', 36.6171, 101.7782],
    ['yinchuan', 'Yinchuan', 'Ningxia', 38.4872, 106.2309],
    ['urumqi', 'Urumqi', 'Xinjiang', 43.8256, 87.6168],
    ['dalian', 'Dalian', 'Liaoning', 38.914, 121.6147],
    ['xiamen', 'Xiamen', 'Fujian', 24.4798, 118.0894],
    ['ningbo', 'Ningbo', 'Zhejiang', 29.8683, 121.544],
    ['wenzhou', 'Wenzhou', 'Zhejiang', 27.9943, 120.6994],
    ['wuxi', 'Wuxi', 'Jiangsu', 31.4912, 120.3119],
    ['xuzhou', 'Xuzhou', 'Jiangsu', 34.2044, 117.2858],
    ['quanzhou', 'Quanzhou', 'Fujian', 24.8741, 118.6757],
    ['yantai', 'Yantai', 'Shandong', 37.4638, 121.4479],
    ['tangshan', 'Tangshan', 'Hebei', 39.6309, 118.1802],
  ],
  4: [
    ['lhasa', 'Lhasa', 'Tibet', 29.6525, 91.1721],
    ['baotou', 'Baotou', 'Inner Mongolia', 40.6574, 109.8403],
    ['luoyang', 'Luoyang', 'Henan', 34.6197, 112.454],
    ['yichang', 'Yichang', 'Hubei', 30.6919, 111.2865],
    ['xiangyang', 'Xiangyang', 'Hubei', 32.009, 112.1226],
    ['ganzhou', 'Ganzhou', 'Jiangxi', 25.831, 114.935],
    ['guilin', 'Guilin', 'Guangxi', 25.2736, 110.29],
    ['sanya', 'Sanya', 'Hainan', 18.2528, 109.5119],
    ['zhuhai', 'Zhuhai', 'Guangdong', 22.2707, 113.5767],
    ['zhanjiang', 'Zhanjiang', 'Guangdong', 21.2707, 110.3594],
    ['mianyang', 'Mianyang', 'Sichuan', 31.4675, 104.6796],
    ['zunyi', 'Zunyi', 'Guizhou', 27.7254, 106.9272],
    ['dali', 'Dali', 'Yunnan', 25.6065, 100.2676],
    ['daqing', 'Daqing', 'Heilongjiang', 46.5891, 125.1036],
    ['datong', 'Datong', 'Shanxi', 40.0768, 113.3001],
    ['linyi', 'Linyi', 'Shandong', 35.1041, 118.3564],
    ['kashgar', 'Kashgar', 'Xinjiang', 39.4677, 75.9938],
    ['korla', 'Korla', 'Xinjiang', 41.7259, 86.1746],
    ['hami', 'Hami', 'Xinjiang', 42.8188, 93.5154],
    ['xigaze', 'Xigaze', 'Tibet', 29.267, 88.8807],
    ['golmud', 'Golmud', 'Qinghai', 36.4025, 94.9036],
    ['chifeng', 'Chifeng', 'Inner Mongolia', 42.2578, 118.8869],
  ],
};

const tiers = [1, 2, 3, 4] as const;

/** The 63 demo cities, tier 1 first, in a fixed order (demo keys depend on it). */
export const CHINA_CITIES: readonly ChinaCity[] = tiers.flatMap((tier) =>
  rows[tier].map(([key, name, province, latitude, longitude]) => ({
    key,
    name,
    province,
    latitude,
    longitude,
    tier,
    hasAirport: true,
    timeZone: DEMO_ZONE,
  })),
);

/** The city with this key; throws for an unknown key (a programmer error in demo data). */
export function chinaCity(key: string): ChinaCity {
  const city = CHINA_CITIES.find((c) => c.key === key);
  if (city === undefined) throw new Error(`chinaCity: unknown city '${key}'`);
  return city;
}
