import { describe, expect, it } from 'vitest';
import { SUPPLY } from './supply-test-fixture.js';
import { generatorRows, siteOptions } from './supply-rows.js';
import type { Generator, GeneratorDetail, Site } from './supply-types.js';
import {
  clockIn,
  dateIn,
  dayClockIn,
  formatHours,
  localInputIn,
  zonedInstant,
} from '../zoned-time.js';

const site = (id: string, city: string): Site => ({
  id,
  name: `${city} site`,
  city,
  latitude: 0,
  longitude: 0,
  timeZone: 'Asia/Shanghai',
});
const generator = (id: string, siteId: string, daughter: string, retired = false) =>
  ({ id, siteId, daughter, retired, type: `x/${daughter}`, label: id }) as Generator;

describe('site options', () => {
  it('sorts by city and names the daughters each site elutes', () => {
    const options = siteOptions(
      [site('b', 'Wuhan'), site('a', 'Beijing')],
      [
        generator('1', 'a', 'Ga-68'),
        generator('2', 'a', 'Ga-68'),
        generator('3', 'a', 'Tc-99m'),
        generator('4', 'b', 'Ga-68', true),
      ],
    );
    expect(options.map((o) => o.label)).toEqual(['Beijing · Ga-68 ×2, Tc-99m', 'Wuhan']);
  });
});

describe('generator rows', () => {
  it('take the first release of the day from the supply as the next eluate', () => {
    const detail = {
      ...generator('00000000-0000-4000-8000-000000000001', 'a', 'Ga-68'),
      label: 'G1',
      parent: 'Ge-68',
      elutionIntervalMinutes: 150,
      elutions: [{ at: '2026-11-23T09:00:00Z' }],
      efficiency: { value: 0.7, basis: 'records', records: 1 },
      now: { parentBq: 1.7e9, eluateBq: 7e8, pastShelfLife: false, breakthroughOk: false },
    } as unknown as GeneratorDetail;
    const [row] = generatorRows([detail], SUPPLY);
    expect(row?.next).toEqual({
      at: '2026-11-23T23:00:00.000Z',
      activityBq: 1.2e9,
      recorded: true,
    });
    expect(row?.lastElution).toBe('2026-11-23T09:00:00Z');
    expect(row?.warnings).toEqual(['breakthrough above the limit']);
    expect(generatorRows([detail], undefined)[0]?.next).toBeUndefined();
  });
});

describe('times in the site zone', () => {
  const t = Date.parse('2026-11-23T23:05:00Z');
  it('shows and reads wall times in the zone', () => {
    expect(clockIn(t, 'Asia/Shanghai')).toBe('07:05');
    expect(dayClockIn(t, 'Asia/Shanghai')).toBe('24 Nov 07:05');
    expect(localInputIn(t, 'Asia/Shanghai')).toBe('2026-11-24T07:05');
    expect(zonedInstant('2026-11-24T07:05', 'Asia/Shanghai')).toBe(
      '2026-11-24T07:05:00[Asia/Shanghai]',
    );
    expect(dateIn(t, 'Asia/Shanghai')).toBe('24 Nov 2026');
    expect(dateIn(t, 'Europe/Berlin')).toBe('24 Nov 2026');
    expect(dayClockIn(t, 'Europe/Berlin')).toBe('24 Nov 00:05');
    expect(clockIn(t, 'America/New_York')).toBe('18:05');
  });
  it('writes durations', () => {
    expect([formatHours(0.75), formatHours(2.5), formatHours(3), formatHours(50)]).toEqual([
      '45 min',
      '2 h 30 min',
      '3 h',
      '2 d 2 h',
    ]);
  });
});
