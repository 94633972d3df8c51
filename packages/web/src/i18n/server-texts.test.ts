import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from './i18n.js';
import { SERVER_CATALOGUES } from './server/index.js';
import { serverMessage, serverText } from './server-texts.js';

afterEach(() => i18n.changeLanguage('en'));

describe('serverText', () => {
  it('knows every sample of every catalogue by its own key, and every key has a pattern', async () => {
    await i18n.changeLanguage('zh-CN');
    for (const [namespace, catalogue] of Object.entries(SERVER_CATALOGUES)) {
      const keys = Object.keys(catalogue.en).filter(
        (k) => k !== 'fieldMessage' && k !== 'fieldItem',
      );
      expect(Object.keys(catalogue.patterns).sort(), namespace).toEqual([...keys].sort());
      expect(Object.keys(catalogue.samples).sort(), namespace).toEqual([...keys].sort());
      for (const [key, samples] of Object.entries(
        catalogue.samples as unknown as Record<string, readonly string[]>,
      )) {
        for (const sample of samples) {
          expect(serverMessage(sample), sample).toMatchObject({ namespace, key });
          const chinese = serverText(sample);
          expect(chinese, sample).toMatch(/\p{Script=Han}/u);
          expect(chinese, sample).not.toMatch(/\{\{|\}\}/);
        }
      }
    }
  });

  it('gives a known text in Chinese with its parts carried over, an unknown one as written', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(serverText('Only one group: nothing to compare.')).toBe('只有一组：无可比较。');
    expect(serverText('The Cox model did not converge: singular matrix.')).toBe(
      'Cox 模型未收敛：singular matrix。',
    );
    expect(serverText('Something new.')).toBe('Something new.');
    expect(serverText('amount.activityBq: must be positive')).toBe('活度（Bq）：必须为正数');
    expect(serverText('doses[2].patientRef: at most 64 characters')).toBe(
      '患者编号（第 3 项）：最多 64 个字符',
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
