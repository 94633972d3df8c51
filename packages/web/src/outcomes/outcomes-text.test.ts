import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.js';
import { dashboard } from './dashboard-test-fixture.js';
import {
  dashboardInLanguage,
  bestResponsesText,
  comparisonText,
  dashboardLine,
  endpointRows,
  studyLine,
  waterfallTip,
} from './outcomes-text.js';

describe('the endpoint table', () => {
  const rows = endpointRows(dashboard());
  const row = (key: string) => rows.find((r) => r.key === key)!;

  it('has one cell per group for each endpoint, in order', () => {
    expect(rows.map((r) => r.key)).toEqual([
      'patients',
      'psa50',
      'psa90',
      'measurable',
      'orr',
      'dcr',
      'best',
      'grade3',
      'rpfs',
      'os',
      'rpfs-hr',
      'os-hr',
    ]);
    expect(row('patients').cells.map((c) => c.value)).toEqual(['143', '157']);
  });

  it('writes proportions as x/n, % and exact 95% CI', () => {
    expect(row('psa50').cells.map((c) => c.value)).toEqual([
      '76/143 · 53% (45–62%)',
      '30/157 · 19% (13–26%)',
    ]);
    expect(row('orr').cells[0]!.value).toBe('29/89 · 33% (23–43%)');
    expect(row('dcr').cells[1]!.value).toBe('65/89 · 73% (63–82%)');
    expect(row('best').cells[0]!.value).toBe('CR 5 · PR 24 · SD 50 · PD 10 · NE 0');
  });

  it('writes medians with NR, and hazard ratios against the reference', () => {
    expect(row('rpfs').cells).toEqual([
      { value: '7.5 (5.0–NR)', note: '3 events of 5' },
      { value: '1.0 (1.0–4.0)', note: '2 events of 2' },
    ]);
    expect(row('os').cells[0]!.value).toBe('NR (4.0–NR)');
    expect(row('rpfs-hr').cells).toEqual([
      { value: 'reference' },
      { value: '2.00 (1.55–2.57)', note: 'p < 0.001' },
    ]);
    expect(row('os-hr').cells).toEqual([{ value: '—' }, { value: '—' }]);
  });

  it('states the log-rank test, or why there is none', () => {
    const d = dashboard();
    expect(comparisonText(d.rpfsComparison, 'rpfs')).toBe(
      'rPFS: log-rank χ² 29.49, 1 df, p < 0.001',
    );
    expect(comparisonText(d.osComparison, 'os')).toBe('OS: Only one group: nothing to compare.');
  });

  it('counts best responses in RECIST order', () => {
    expect(bestResponsesText({ CR: 0, PR: 3, SD: 5, PD: 1, NE: 4 })).toBe(
      'CR 0 · PR 3 · SD 5 · PD 1 · NE 4',
    );
  });
});

describe('the dashboard’s sentences', () => {
  it('describes the study, the grouping and the caller’s access', () => {
    expect(dashboardLine(dashboard())).toBe('300 patients · by arm · 2 groups');
    expect(dashboardLine({ ...dashboard(), grouping: 'priorLu177', groups: [] })).toBe(
      '300 patients · by prior Lu-177 · 0 groups',
    );
    expect(studyLine({ patients: 13, member: false })).toBe('13 patients · figures only');
    expect(studyLine({ patients: 13, member: true })).toMatch(/your study/);
  });

  it('says where a capped waterfall bar is drawn', () => {
    expect(waterfallTip('SoC', 240, 100)).toBe('SoC\n+240.0% (drawn at +100%)');
    expect(waterfallTip('SoC', -60, 100)).toBe('SoC\n−60.0%');
  });
});

describe('a dashboard in the user’s language', () => {
  it('names the groups the server names in Chinese, and keeps the study’s arms as they are', async () => {
    const byArm = dashboard();
    const [treated, control] = byArm.groups;
    if (!treated || !control) throw new Error('the fixture has two arms');
    const byVolume = dashboard({
      grouping: 'diseaseVolume',
      groups: [
        { ...treated, group: 'low volume' },
        { ...control, group: 'high volume' },
      ],
      rpfsComparison: {
        reference: 'low volume',
        hazardRatios: [{ group: 'high volume', hr: 2, lower: 1.5, upper: 2.6, p: 0.001 }],
        logRankChiSquare: 10,
        logRankDf: 1,
        logRankP: 0.001,
      },
      waterfall: [{ group: 'high volume', bestPsaChangePct: -50 }],
    });
    await i18n.changeLanguage('zh-CN');
    try {
      const zh = dashboardInLanguage(byVolume);
      expect(zh.groups.map((g) => g.group)).toEqual(['低肿瘤负荷', '高肿瘤负荷']);
      expect(zh.rpfsComparison).toMatchObject({
        reference: '低肿瘤负荷',
        hazardRatios: [{ group: '高肿瘤负荷' }],
      });
      expect(zh.waterfall[0]?.group).toBe('高肿瘤负荷');
      expect(dashboardInLanguage(byArm).groups.map((g) => g.group)).toEqual(
        byArm.groups.map((g) => g.group),
      );
    } finally {
      await i18n.changeLanguage('en');
    }
    expect(dashboardInLanguage(byVolume).groups.map((g) => g.group)).toEqual([
      'low volume',
      'high volume',
    ]);
  });
});
