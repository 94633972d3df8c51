/**
 * The field's terms in Simplified Chinese, used the same way on every screen. Sources: the
 * operations facts' table of Chinese terms (ChP 2020 general text on radiopharmaceuticals, the
 * SFDA 2006 PET radiopharmaceutical rules, GMP 2010, GB 11806 and GB/T 10356, State Council Order
 * 562, NNSA and HJ 1188 usage); where that table marks a term as usual usage, not verified, so
 * does `status` here.
 *
 * glossary.test.ts holds every catalogue to it: a message whose English uses a term must use its
 * Chinese term (one of `zh`) in Chinese.
 */
export interface GlossaryTerm {
  /** The English term, matched as whole words, case-insensitive. */
  readonly en: string;
  /** The Chinese term(s); the first is the one to use, the others are accepted forms. */
  readonly zh: readonly string[];
  readonly source: string;
  readonly status?: 'usual usage, not verified';
  /**
   * Where the English word has another sense: messages whose key starts with `where`
   * (namespace:key) take one of that sense's Chinese terms instead.
   */
  readonly otherSenses?: readonly {
    readonly where: string;
    readonly zh: readonly string[];
    readonly why: string;
  }[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    en: 'radiopharmaceutical',
    zh: ['放射性药品', '放射性药物'],
    source: '《放射性药品管理办法》 Art. 2',
  },
  { en: 'activity', zh: ['活度'], source: 'ChP 2020 radiopharmaceutical general text' },
  { en: 'half-life', zh: ['半衰期'], source: 'ChP 2020 radiopharmaceutical general text' },
  { en: 'decay', zh: ['衰变'], source: 'ChP 2020 radiopharmaceutical general text' },
  { en: 'batch', zh: ['批'], source: 'SFDA 2006 PET rules art. 54, 59' },
  { en: 'batch number', zh: ['批号'], source: 'SFDA 2006 PET rules art. 54, 59' },
  { en: 'calibration time', zh: ['标定时间'], source: 'SFDA 2006 PET rules art. 59' },
  {
    en: 'release',
    zh: ['放行'],
    source: 'GMP usage',
    otherSenses: [
      {
        where: 'supply:day.',
        zh: ['供给'],
        why: 'isotope becoming available (an elution, a lot, an EOB), not the release of a batch',
      },
      {
        where: 'waste:',
        zh: ['解控'],
        why: 'waste leaving decay-in-storage is cleared (解控, NNSA 2023 letter; HJ 1188 usage)',
      },
      {
        where: 'server-distribution:waste',
        zh: ['解控'],
        why: "the server's texts about the waste store: clearance from decay-in-storage, as above",
      },
    ],
  },
  { en: 'quality control', zh: ['质量控制'], source: 'GMP 2010 chapter titles' },
  { en: 'qualified person', zh: ['质量受权人'], source: 'Guangdong MPA QP rules 2024' },
  { en: 'deviation', zh: ['偏差'], source: 'GMP usage' },
  {
    en: 'audit trail',
    zh: ['审计追踪'],
    source: 'GMP appendix usage',
    status: 'usual usage, not verified',
  },
  {
    en: 'e-signature',
    zh: ['电子签名'],
    source: 'GMP appendix usage',
    status: 'usual usage, not verified',
  },
  {
    en: 'radiochemical purity',
    zh: ['放射化学纯度'],
    source: 'ChP usage',
    status: 'usual usage, not verified',
  },
  {
    en: 'radionuclidic purity',
    zh: ['放射性核纯度'],
    source: 'ChP usage',
    status: 'usual usage, not verified',
  },
  {
    en: 'bacterial endotoxins',
    zh: ['细菌内毒素'],
    source: '18F-FES endotoxin paper (Chin J Mod Appl Pharm)',
  },
  { en: 'sterility', zh: ['无菌'], source: 'ChP usage', status: 'usual usage, not verified' },
  { en: 'dose calibrator', zh: ['活度计'], source: 'GB/T 10356-1997' },
  { en: 'order', zh: ['订单'], source: 'common usage', status: 'usual usage, not verified' },
  { en: 'hospital', zh: ['医院', '医疗机构'], source: 'SFDA 2006 rules' },
  { en: 'transport index', zh: ['运输指数'], source: 'GB 11806 training banks' },
  { en: 'package', zh: ['货包', '包装'], source: 'GB 11806 training banks' },
  { en: 'overpack', zh: ['外包装'], source: 'GB 11806 training banks' },
  { en: 'excepted package', zh: ['例外货包'], source: 'GB 11806 training banks' },
  { en: 'exclusive use', zh: ['独家使用'], source: 'GB 11806 training banks' },
  { en: 'criticality safety index', zh: ['临界安全指数'], source: 'GB 11806 training banks' },
  { en: 'UN number', zh: ['联合国编号'], source: 'GB 11806 training banks' },
  { en: 'proper shipping name', zh: ['专用货运名称'], source: 'GB 11806 training banks' },
  { en: 'clearance', zh: ['解控'], source: 'NNSA 2023 letter; HJ 1188 usage' },
  { en: 'decay tank', zh: ['衰变池'], source: 'NNSA 2023 letter; HJ 1188 usage' },
  { en: 'radioactive waste', zh: ['放射性废物'], source: 'HJ-style guideline terms' },
  { en: 'generator', zh: ['发生器'], source: 'Tc-99m guideline usage' },
  { en: 'cyclotron', zh: ['回旋加速器'], source: 'usual term' },
  { en: 'specific activity', zh: ['比活度'], source: 'ChP 2020 radiopharmaceutical general text' },
  {
    en: 'radioactive concentration',
    zh: ['放射性浓度'],
    source: 'ChP 2020 radiopharmaceutical general text',
  },
];
