import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from './i18n.js';
import { en } from './server-messages.js';
import { SERVER_PATTERNS, serverText } from './server-texts.js';

afterEach(() => i18n.changeLanguage('en'));

describe('serverText', () => {
  it('knows each English message by its own pattern, and every message has one', () => {
    const value = (name: string) =>
      ['from', 'to', 'calibration'].includes(name)
        ? '12:30'
        : [
              'options',
              'slots',
              'best',
              'bound',
              'gap',
              'n',
              'total',
              'kept',
              'round',
              'k',
              'prep',
              'max',
              'min',
            ].includes(name)
          ? '12'
          : 'Lu-177';
    const sample = (template: string) =>
      template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => value(name));
    for (const { key, pattern } of SERVER_PATTERNS) expect(sample(en[key])).toMatch(pattern);
    // fieldMessage joins a field and a message the patterns found (serverText's second reading).
    expect(new Set([...SERVER_PATTERNS.map((p) => p.key), 'fieldMessage'])).toEqual(
      new Set(Object.keys(en)),
    );
  });

  it('gives a known text in Chinese with its parts carried over, an unknown one as written', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(serverText('Only one group: nothing to compare.')).toBe('只有一组：无可比较。');
    expect(serverText('The Cox model did not converge: singular matrix.')).toBe(
      'Cox 模型未收敛：singular matrix。',
    );
    expect(serverText('Something new.')).toBe('Something new.');
    expect(serverText('amount.activityBq: must be positive')).toBe('amount.activityBq：必须为正数');
    expect(serverText('doses[2].patientRef: at most 64 characters')).toBe(
      'doses[2].patientRef：最多 64 个字符',
    );
    expect(serverText('note: something new')).toBe('note: something new');
    expect(
      serverText(
        "no delivery can arrive by 07:45 (calibration 08:15 − 30 min preparation) inside Demo Shenzhen People's Hospital (demo)'s receiving hours from a site's first batch of the day",
      ),
    ).toBe(
      "任何场地当天的第一批都无法在 Demo Shenzhen People's Hospital (demo) 的接收时段内于 07:45 前送达（标定时间 08:15 − 准备 30 分钟）",
    );
    expect(
      serverText(
        'not enough Lu-177: when a batch could start for it (06:00–09:00) Beijing, Shanghai have at most 120 MBq left and the dose needs at least 7400 MBq at the start; the supply goes to other orders (more urgent first)',
      ),
    ).toMatch(/^Lu-177 不足：.*Beijing, Shanghai 至多剩余 120 MBq/);
    await i18n.changeLanguage('en');
    expect(serverText('No events yet.')).toBe('No events yet.');
  });
});
