import type { DocumentLang } from './document-lang.js';

/**
 * The words of each printed document in English and Simplified Chinese: one catalogue per
 * document, the Chinese typed as the English so that it has every entry. Chinese terms as the web
 * app's glossary (packages/web/src/i18n/glossary.ts) has them; units, nuclide symbols, UN numbers
 * and the data itself are printed as they are.
 */

const certificateEn = {
  title: 'Certificate of analysis',
  product: 'Product',
  batchNumber: 'Batch number',
  site: 'Site',
  eos: 'End of synthesis (EOS)',
  eosActivity: 'Activity at EOS (measured)',
  eosVolume: 'Volume at EOS',
  specification: 'Specification',
  notRecorded: 'not recorded',
  specificationVersion: (product: string, version: string | number) =>
    `${product} version ${version}`,
  tests: 'Tests',
  testColumns: ['Test', 'Limit', 'Result', 'Status', 'Timing'],
  noTests: 'No tests in the specification.',
  pendingNote: 'Pending: no result yet when this copy was printed.',
  decisions: 'Release decisions',
  decisionColumns: ['Decision', 'Signed by', 'Date and time', 'Content hash', 'Signature'],
  noDecision: 'No release decision recorded: the batch is not released.',
  hashNote: 'Content hash: the first 16 hex digits of the SHA-256 of the record content as signed.',
  invalidNote:
    'INVALID: the record has changed since it was signed; that signature does not cover it.',
  valid: 'Valid',
  invalid: 'INVALID',
  deviations: 'Deviations',
  deviationColumns: ['Classification', 'Description'],
  noDeviations: 'None recorded.',
  status: { pass: 'Pass', fail: 'FAIL', pending: 'Pending' },
  timing: { 'before-release': 'Before release', 'after-release': 'After release' },
  meaning: {
    'conditional-release': 'Conditional release',
    'final-release': 'Final certification',
    rejection: 'Rejection',
  },
  classification: { minor: 'Minor', major: 'Major', critical: 'Critical' },
  footer: (title: string, batch: string, printed: string) =>
    `${title} · batch ${batch} · printed ${printed}`,
  page: (n: number, count: number) => `Page ${n} of ${count}`,
};
export type CertificateWords = typeof certificateEn;

export const CERTIFICATE_WORDS: Readonly<Record<DocumentLang, CertificateWords>> = {
  en: certificateEn,
  'zh-CN': {
    title: '检验报告书',
    product: '产品',
    batchNumber: '批号',
    site: '生产场地',
    eos: '合成结束时间（EOS）',
    eosActivity: 'EOS 时活度（实测）',
    eosVolume: 'EOS 时体积',
    specification: '质量标准',
    notRecorded: '未记录',
    specificationVersion: (product, version) => `${product} 第 ${version} 版`,
    tests: '检验项目',
    testColumns: ['检验项目', '限度', '结果', '状态', '检验时机'],
    noTests: '质量标准中没有检验项目。',
    pendingNote: '待定：打印本副本时尚无结果。',
    decisions: '放行决定',
    decisionColumns: ['决定', '签名人', '日期和时间', '内容哈希', '签名'],
    noDecision: '未记录放行决定：该批未放行。',
    hashNote: '内容哈希：签名时记录内容的 SHA-256 的前 16 位十六进制数字。',
    invalidNote: '无效：记录在签名后已被更改，该签名不涵盖当前记录。',
    valid: '有效',
    invalid: '无效',
    deviations: '偏差',
    deviationColumns: ['分级', '描述'],
    noDeviations: '无记录。',
    status: { pass: '合格', fail: '不合格', pending: '待定' },
    timing: { 'before-release': '放行前', 'after-release': '放行后' },
    meaning: {
      'conditional-release': '有条件放行',
      'final-release': '最终放行',
      rejection: '拒绝放行',
    },
    classification: { minor: '次要', major: '主要', critical: '重大' },
    footer: (title, batch, printed) => `${title} · 批号 ${batch} · 打印于 ${printed}`,
    page: (n, count) => `第 ${n} 页，共 ${count} 页`,
  },
};

const labelEn = {
  title: 'Dose labels',
  caution: 'Caution — Radioactive Material',
  statements: [
    'Do not use if cloudy or if it contains particles.',
    'For intravenous use. Store in lead shielding.',
  ],
  nuclide: 'Nuclide',
  dose: 'Dose',
  batch: 'Batch',
  activity: 'Activity',
  activityValue: (mbq: string) => `${mbq} MBq at calibration`,
  calibration: 'Calibration',
  volume: 'Volume',
  concentration: 'Concentration',
  concentrationValue: (mbqPerMl: string) => `${mbqPerMl} MBq/mL at calibration`,
  expiry: 'Expiry',
  hospital: 'Hospital',
  patient: 'Patient/order',
  /** A dose's reference when the hospital gave none. */
  order: (id: string) => `Order ${id}`,
};
export type LabelWords = typeof labelEn;

export const LABEL_WORDS: Readonly<Record<DocumentLang, LabelWords>> = {
  en: labelEn,
  'zh-CN': {
    title: '剂量标签',
    caution: '注意——放射性物质',
    statements: ['如浑浊或含有颗粒，不得使用。', '静脉注射用。置于铅屏蔽中贮存。'],
    nuclide: '核素',
    dose: '剂量',
    batch: '批号',
    activity: '活度',
    activityValue: (mbq) => `${mbq} MBq（标定时间）`,
    calibration: '标定时间',
    volume: '体积',
    concentration: '放射性浓度',
    concentrationValue: (mbqPerMl) => `${mbqPerMl} MBq/mL（标定时间）`,
    expiry: '有效期至',
    hospital: '医院',
    patient: '患者/订单',
    order: (id) => `订单 ${id}`,
  },
};

const papersEn = {
  title: 'Shipping papers — radioactive material',
  /** The document's PDF title, with the shipment. */
  documentTitle: (shipment: string) => `Shipping papers ${shipment}`,
  consignor: 'Consignor',
  consignee: 'Consignee',
  shipment: 'Shipment',
  vehicle: 'Vehicle',
  courier: 'Courier',
  notAssigned: 'Not assigned',
  departure: 'Departure',
  arrival: 'Arrival',
  regulations: 'Regulations',
  packages: 'Packages: Class 7, radioactive material',
  packageColumns: [
    'Package',
    'UN No.',
    'Proper shipping name',
    'Category',
    'Label',
    'TI',
    'Activity at dispatch',
    'Fraction of A2',
    'Packaging, form',
  ],
  class7: 'Class 7',
  total: (activity: string) => `Total ${activity}`,
  noLabel: 'None',
  category: { excepted: 'Excepted', 'type-a': 'Type A', 'type-b': 'Type B' },
  label: { 'I-WHITE': 'I-WHITE', 'II-YELLOW': 'II-YELLOW', 'III-YELLOW': 'III-YELLOW' },
  form: { liquid: 'Liquid', solid: 'Solid', gas: 'Gas' },
  packageCount: (n: number) => `Number of packages: ${n}`,
  totalTi: (ti: string) => `Total transport index: ${ti}`,
  notDetermined: 'not determined',
  exclusiveUse: 'Exclusive use shipment',
  codes: 'Package codes (Code 128) and doses',
  packageTitle: (n: number, count: number, code: string) => `Package ${n} of ${count}: ${code}`,
  noDoses: 'No doses listed',
  /** A dose's line beside its package's barcode. */
  doseLine: (product: string, reference: string) => `${product} for ${reference}`,
  order: (id: string) => `order ${id}`,
  declarationHeading: "Consignor's declaration",
  /** The IATA DGR / ADR 5.4.1.6.1 wording. */
  declaration:
    'I hereby declare that the contents of this consignment are fully and accurately described ' +
    'above by the proper shipping name, and are classified, packaged, marked and ' +
    'labelled/placarded, and are in all respects in proper condition for transport according to ' +
    'applicable international and national governmental regulations.',
  signer: (consignor: string) => `For the consignor: ${consignor}`,
  signatureLines: ['Name and title of signatory', 'Place and date', 'Signature of consignor'],
  footer: (shipment: string) => `Shipping papers · shipment ${shipment}`,
  page: (n: number, count: number) => `Page ${n} of ${count}`,
};
export type PapersWords = typeof papersEn;

export const PAPERS_WORDS: Readonly<Record<DocumentLang, PapersWords>> = {
  en: papersEn,
  'zh-CN': {
    title: '运输文件——放射性物质',
    documentTitle: (shipment) => `运输文件 ${shipment}`,
    consignor: '托运人',
    consignee: '收货人',
    shipment: '运输批次',
    vehicle: '车辆',
    courier: '承运人',
    notAssigned: '未指定',
    departure: '出发时间',
    arrival: '到达时间',
    regulations: '依据法规',
    packages: '货包：第 7 类，放射性物质',
    packageColumns: [
      '货包',
      '联合国编号',
      '专用货运名称',
      '类别',
      '标志',
      '运输指数',
      '发运时活度',
      'A2 份额',
      '包装、形态',
    ],
    class7: '第 7 类',
    total: (activity) => `合计 ${activity}`,
    noLabel: '无',
    category: { excepted: '例外货包', 'type-a': 'A 型', 'type-b': 'B 型' },
    label: { 'I-WHITE': 'I 级-白色', 'II-YELLOW': 'II 级-黄色', 'III-YELLOW': 'III 级-黄色' },
    form: { liquid: '液体', solid: '固体', gas: '气体' },
    packageCount: (n) => `货包数量：${n}`,
    totalTi: (ti) => `总运输指数：${ti}`,
    notDetermined: '未确定',
    exclusiveUse: '独家使用运输',
    codes: '货包编码（Code 128）和剂量',
    packageTitle: (n, count, code) => `货包 ${n}/${count}：${code}`,
    noDoses: '未列出剂量',
    doseLine: (product, reference) => `${product}，用于 ${reference}`,
    order: (id) => `订单 ${id}`,
    declarationHeading: '托运人声明',
    declaration:
      '兹声明：本批托运货物的内容已在上文中以专用货运名称完整、准确地描述，并已按照适用的国际和' +
      '国家政府规定进行分类、包装、标记和粘贴标志/标牌，且在各方面均处于适合运输的良好状态。',
    signer: (consignor) => `托运人：${consignor}`,
    signatureLines: ['签署人姓名和职务', '地点和日期', '托运人签名'],
    footer: (shipment) => `运输文件 · 运输批次 ${shipment}`,
    page: (n, count) => `第 ${n} 页，共 ${count} 页`,
  },
};
