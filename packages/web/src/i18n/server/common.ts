/**
 * The server's texts the screens show (reasons, notes, progress), in both languages. The API
 * speaks English; `serverText` (server-texts.ts) finds a text's message here by its pattern.
 */
import type { Messages } from '../messages.js';
import type { Patterns, Samples } from './shape.js';

export const en = {
  // The API's validation messages (the *-schemas.ts files), alone or after the field they name.
  fieldMessage: '{{field}}: {{message}}',
  mustBePositive: 'must be positive',
  mustNotBeNegative: 'must not be negative',
  zeroOrPositive: 'must be zero or positive',
  mustNotBeEmpty: 'must not be empty',
  expectedNumber: 'expected a number',
  expectedDate: 'expected a date YYYY-MM-DD',
  expectedCalendarDate: 'expected a calendar date YYYY-MM-DD',
  expectedBq: 'expected a number of Bq',
  atMost: 'must be at most {{max}}',
  atLeast: 'must be at least {{min}}',
  atMostCharacters: 'at most {{max}} characters',
  wholeDays: 'whole days',
  passwordToSign: 'the password is required to sign',
  scanOnePackage: 'scan at least one package',
  packOneDose: 'pack at least one dose',
  nameOneOrder: 'name at least one order',
  internalError: 'internal error; it has been logged',
  // Cohort comparisons (packages/clinical, cohort-summary.ts).
  oneGroup: 'Only one group: nothing to compare.',
  noEvents: 'No events yet.',
  coxNotConverged: 'The Cox model did not converge: {{problem}}.',
  // The planner's progress (packages/planner plan-network.ts and decompose.ts; plans-repository.ts).
  waitingToStart: 'waiting to start',
  planReady: 'plan ready',
  findingCandidates: 'finding every feasible batch and route',
  doseOptions: '{{options}} dose options over {{slots}} candidate batches',
  bestPlan: 'best plan {{best}}, bound {{bound}}, gap {{gap}}%',
  writingPlan: 'writing the plan',
  replanning: 're-planning {{n}} of {{total}} sites; {{kept}} orders keep their service',
  round: 'round {{round}}: planned site {{k}} of {{n}}',
  // Why an order is not served (packages/planner unserved-reasons.ts; map-reach.ts).
  noDeliveriesThatDay: 'the hospital does not receive deliveries on this date',
  noMaker: 'no site makes {{product}}',
  noLicence: '{{hospital}} holds no licence for {{nuclide}}',
  licenceUsed: "doses already on the road use all of {{hospital}}'s licence for {{nuclide}}",
  noLane: 'no lane links {{hospital}} to a site that makes {{product}}',
  noLicensedSite: 'no site with a lane to {{hospital}} is licensed for {{nuclide}}',
  shelfLifeRoad:
    "no site can reach {{hospital}} within {{product}}'s shelf life of {{shelf}}: the quickest, {{site}} by road, needs {{needs}} from EOS to calibration (QC, transport, preparation)",
  shelfLifeAir:
    "no site can reach {{hospital}} within {{product}}'s shelf life of {{shelf}}: the quickest, {{site}} by air, needs {{needs}} from EOS to calibration (QC, transport, preparation)",
  arriveBetween:
    "no delivery can arrive between {{from}} and {{to}} (calibration {{calibration}} − {{prep}} min preparation) inside {{hospital}}'s receiving hours from a site's first batch of the day",
  arriveBy:
    "no delivery can arrive by {{to}} (calibration {{calibration}} − {{prep}} min preparation) inside {{hospital}}'s receiving hours from a site's first batch of the day",
  largerThanBatch: 'the dose ({{dose}}) is larger than a whole batch of {{product}}',
  noBatchFits:
    'no batch of {{product}} fits: the lines that could make it are closed, down or taken by fixed batches at the hours it would need, or a licence or the transport index limit rules out every route',
  batchesFull:
    'every batch that could serve it is full or its line is taken: {{parts}} (the batches, vehicles, isotope or licences there go to other orders)',
  notEnoughNone:
    'not enough {{nuclide}}: when a batch could start for it ({{from}}–{{to}}) {{sites}} has none left and the dose needs at least {{least}} at the start; the supply goes to other orders (more urgent first)',
  notEnoughSome:
    'not enough {{nuclide}}: when a batch could start for it ({{from}}–{{to}}) {{sites}} has at most {{most}} left and the dose needs at least {{least}} at the start; the supply goes to other orders (more urgent first)',
};

export const zh: Messages<typeof en> = {
  fieldMessage: '{{field}}：{{message}}',
  mustBePositive: '必须为正数',
  mustNotBeNegative: '不得为负数',
  zeroOrPositive: '必须为零或正数',
  mustNotBeEmpty: '不得为空',
  expectedNumber: '应为数字',
  expectedDate: '应为日期 YYYY-MM-DD',
  expectedCalendarDate: '应为日历日期 YYYY-MM-DD',
  expectedBq: '应为以 Bq 计的数值',
  atMost: '不得大于 {{max}}',
  atLeast: '不得小于 {{min}}',
  atMostCharacters: '最多 {{max}} 个字符',
  wholeDays: '应为整天数',
  passwordToSign: '签名需要输入密码',
  scanOnePackage: '请至少扫描一个货包',
  packOneDose: '请至少装入一剂',
  nameOneOrder: '请至少指定一个订单',
  internalError: '内部错误，已记录',
  oneGroup: '只有一组：无可比较。',
  noEvents: '尚无事件。',
  coxNotConverged: 'Cox 模型未收敛：{{problem}}。',
  waitingToStart: '等待开始',
  planReady: '计划已完成',
  findingCandidates: '正在寻找所有可行的批和路线',
  doseOptions: '{{slots}} 个候选批上共 {{options}} 个剂量方案',
  bestPlan: '当前最优计划 {{best}}，下界 {{bound}}，间隙 {{gap}}%',
  writingPlan: '正在写入计划',
  replanning: '正在重新计划 {{total}} 个场地中的 {{n}} 个；{{kept}} 个订单保持原有供应',
  round: '第 {{round}} 轮：已计划 {{n}} 个场地中的第 {{k}} 个',
  noDeliveriesThatDay: '该医院在这一天不接收配送',
  noMaker: '没有场地生产 {{product}}',
  noLicence: '{{hospital}} 没有 {{nuclide}} 的放射性药品使用许可证',
  licenceUsed: '在途剂量已用尽 {{hospital}} 的 {{nuclide}} 许可额度',
  noLane: '没有线路将 {{hospital}} 与生产 {{product}} 的场地相连',
  noLicensedSite: '有线路通往 {{hospital}} 的场地均未获得 {{nuclide}} 许可',
  shelfLifeRoad:
    '没有场地能在 {{product}} 的有效期 {{shelf}} 内送达 {{hospital}}：最快的 {{site}}（公路）从合成结束到标定时间需要 {{needs}}（质量控制、运输、准备）',
  shelfLifeAir:
    '没有场地能在 {{product}} 的有效期 {{shelf}} 内送达 {{hospital}}：最快的 {{site}}（航空）从合成结束到标定时间需要 {{needs}}（质量控制、运输、准备）',
  arriveBetween:
    '任何场地当天的第一批都无法在 {{hospital}} 的接收时段内于 {{from}} 至 {{to}} 之间送达（标定时间 {{calibration}} − 准备 {{prep}} 分钟）',
  arriveBy:
    '任何场地当天的第一批都无法在 {{hospital}} 的接收时段内于 {{to}} 前送达（标定时间 {{calibration}} − 准备 {{prep}} 分钟）',
  largerThanBatch: '该剂量（{{dose}}）大于 {{product}} 一整批的产量',
  noBatchFits:
    '{{product}} 没有可行的批：可生产它的生产线在所需时段关闭、停机或被已固定的批占用，或许可证、运输指数限值排除了所有路线',
  batchesFull:
    '可供应它的批均已满额或其生产线已被占用：{{parts}}（那里的批、车辆、同位素或许可额度已分给其他订单）',
  notEnoughNone:
    '{{nuclide}} 不足：在可为它开始批生产的时段（{{from}}–{{to}}），{{sites}} 已无剩余，而该剂量开始时至少需要 {{least}}；供应优先分给其他（更紧急的）订单',
  notEnoughSome:
    '{{nuclide}} 不足：在可为它开始批生产的时段（{{from}}–{{to}}），{{sites}} 至多剩余 {{most}}，而该剂量开始时至少需要 {{least}}；供应优先分给其他（更紧急的）订单',
};

const NAME = "(?<hospital>.+?)'s";
const shelfLife = (mode: 'road' | 'air') =>
  new RegExp(
    `^no site can reach (?<hospital>.+) within (?<product>.+?)'s shelf life of (?<shelf>.+?): ` +
      `the quickest, (?<site>.+) by ${mode}, needs (?<needs>.+) from EOS to ` +
      `calibration \\(QC, transport, preparation\\)$`,
  );
const notEnough = (left: string) =>
  new RegExp(
    '^not enough (?<nuclide>\\S+): when a batch could start for it \\((?<from>\\d\\d:\\d\\d)–' +
      `(?<to>\\d\\d:\\d\\d)\\) (?<sites>.+) (?:has|have) ${left} left and the dose needs at ` +
      'least (?<least>.+) at the start; the supply goes to other orders \\(more urgent first\\)$',
  );

/** `fieldMessage` joins a field and a message the others found; it has no pattern of its own. */
type Own = Omit<typeof en, 'fieldMessage'>;

export const patterns: Patterns<Own> = {
  mustBePositive: /^must be positive$/,
  mustNotBeNegative: /^must not be negative$/,
  zeroOrPositive: /^must be zero or positive$/,
  mustNotBeEmpty: /^must not be empty$/,
  expectedNumber: /^expected a number$/,
  expectedDate: /^expected a date YYYY-MM-DD$/,
  expectedCalendarDate: /^expected a calendar date YYYY-MM-DD$/,
  expectedBq: /^expected a number of Bq$/,
  atMost: /^must be at most (?<max>.+)$/,
  atLeast: /^must be at least (?<min>.+)$/,
  atMostCharacters: /^at most (?<max>\d+) characters$/,
  wholeDays: /^whole days$/,
  passwordToSign: /^the password is required to sign$/,
  scanOnePackage: /^scan at least one package$/,
  packOneDose: /^pack at least one dose$/,
  nameOneOrder: /^name at least one order$/,
  internalError: /^internal error; it has been logged$/,
  oneGroup: /^Only one group: nothing to compare\.$/,
  noEvents: /^No events yet\.$/,
  coxNotConverged: /^The Cox model did not converge: (?<problem>.*)\.$/,
  waitingToStart: /^waiting to start$/,
  planReady: /^plan ready$/,
  findingCandidates: /^finding every feasible batch and route$/,
  doseOptions: /^(?<options>\d+) dose options over (?<slots>\d+) candidate batches$/,
  bestPlan: /^best plan (?<best>[\d.-]+), bound (?<bound>[\d.-]+), gap (?<gap>[\d.]+)%$/,
  writingPlan: /^writing the plan$/,
  replanning:
    /^re-planning (?<n>\d+) of (?<total>\d+) sites; (?<kept>\d+) orders keep their service$/,
  round: /^round (?<round>\d+): planned site (?<k>\d+) of (?<n>\d+)$/,
  noDeliveriesThatDay: /^the hospital does not receive deliveries on this date$/,
  noMaker: /^no site makes (?<product>.+)$/,
  noLicence: /^(?<hospital>.+) holds no licence for (?<nuclide>\S+)$/,
  licenceUsed: new RegExp(
    `^doses already on the road use all of ${NAME} licence for (?<nuclide>\\S+)$`,
  ),
  noLane: /^no lane links (?<hospital>.+) to a site that makes (?<product>.+)$/,
  noLicensedSite: /^no site with a lane to (?<hospital>.+) is licensed for (?<nuclide>\S+)$/,
  arriveBetween: new RegExp(
    '^no delivery can arrive between (?<from>\\d\\d:\\d\\d) and (?<to>\\d\\d:\\d\\d) ' +
      '\\(calibration (?<calibration>\\d\\d:\\d\\d) − (?<prep>\\d+) min preparation\\) ' +
      `inside ${NAME} receiving hours from a site's first batch of the day$`,
  ),
  arriveBy: new RegExp(
    '^no delivery can arrive by (?<to>\\d\\d:\\d\\d) ' +
      '\\(calibration (?<calibration>\\d\\d:\\d\\d) − (?<prep>\\d+) min preparation\\) ' +
      `inside ${NAME} receiving hours from a site's first batch of the day$`,
  ),
  largerThanBatch: /^the dose \((?<dose>[^)]+)\) is larger than a whole batch of (?<product>.+)$/,
  noBatchFits:
    /^no batch of (?<product>.+) fits: the lines that could make it are closed, down or taken by fixed batches at the hours it would need, or a licence or the transport index limit rules out every route$/,
  batchesFull:
    /^every batch that could serve it is full or its line is taken: (?<parts>.+) \(the batches, vehicles, isotope or licences there go to other orders\)$/,
  shelfLifeRoad: shelfLife('road'),
  shelfLifeAir: shelfLife('air'),
  notEnoughNone: notEnough('none'),
  notEnoughSome: notEnough('at most (?<most>.+?)'),
};

export const samples: Samples<Own> = {
  mustBePositive: ['must be positive'],
  mustNotBeNegative: ['must not be negative'],
  zeroOrPositive: ['must be zero or positive'],
  mustNotBeEmpty: ['must not be empty'],
  expectedNumber: ['expected a number'],
  expectedDate: ['expected a date YYYY-MM-DD'],
  expectedCalendarDate: ['expected a calendar date YYYY-MM-DD'],
  expectedBq: ['expected a number of Bq'],
  atMost: ['must be at most 64'],
  atLeast: ['must be at least 1'],
  atMostCharacters: ['at most 64 characters'],
  wholeDays: ['whole days'],
  passwordToSign: ['the password is required to sign'],
  scanOnePackage: ['scan at least one package'],
  packOneDose: ['pack at least one dose'],
  nameOneOrder: ['name at least one order'],
  internalError: ['internal error; it has been logged'],
  oneGroup: ['Only one group: nothing to compare.'],
  noEvents: ['No events yet.'],
  coxNotConverged: ['The Cox model did not converge: singular matrix.'],
  waitingToStart: ['waiting to start'],
  planReady: ['plan ready'],
  findingCandidates: ['finding every feasible batch and route'],
  doseOptions: ['12 dose options over 12 candidate batches'],
  bestPlan: ['best plan 12, bound 12, gap 12%'],
  writingPlan: ['writing the plan'],
  replanning: ['re-planning 12 of 12 sites; 12 orders keep their service'],
  round: ['round 12: planned site 12 of 12'],
  noDeliveriesThatDay: ['the hospital does not receive deliveries on this date'],
  noMaker: ['no site makes Lu-177 PSMA'],
  noLicence: ["Demo Shenzhen People's Hospital (demo) holds no licence for Lu-177"],
  licenceUsed: [
    "doses already on the road use all of Demo Shenzhen People's Hospital (demo)'s licence for Lu-177",
  ],
  noLane: ["no lane links Demo Shenzhen People's Hospital (demo) to a site that makes Lu-177 PSMA"],
  noLicensedSite: [
    "no site with a lane to Demo Shenzhen People's Hospital (demo) is licensed for Lu-177",
  ],
  shelfLifeRoad: [
    "no site can reach Demo Shenzhen People's Hospital (demo) within Lu-177 PSMA's shelf life of 2 h: the quickest, Beijing by road, needs 3 h 10 min from EOS to calibration (QC, transport, preparation)",
  ],
  shelfLifeAir: [
    "no site can reach Demo Shenzhen People's Hospital (demo) within Lu-177 PSMA's shelf life of 2 h: the quickest, Beijing by air, needs 3 h 10 min from EOS to calibration (QC, transport, preparation)",
  ],
  arriveBetween: [
    "no delivery can arrive between 06:00 and 09:00 (calibration 08:15 − 12 min preparation) inside Demo Shenzhen People's Hospital (demo)'s receiving hours from a site's first batch of the day",
  ],
  arriveBy: [
    "no delivery can arrive by 09:00 (calibration 08:15 − 12 min preparation) inside Demo Shenzhen People's Hospital (demo)'s receiving hours from a site's first batch of the day",
  ],
  largerThanBatch: ['the dose (7400 MBq) is larger than a whole batch of Lu-177 PSMA'],
  noBatchFits: [
    'no batch of Lu-177 PSMA fits: the lines that could make it are closed, down or taken by fixed batches at the hours it would need, or a licence or the transport index limit rules out every route',
  ],
  batchesFull: [
    'every batch that could serve it is full or its line is taken: Beijing 08:00 (the batches, vehicles, isotope or licences there go to other orders)',
  ],
  notEnoughNone: [
    'not enough Lu-177: when a batch could start for it (06:00–09:00) Beijing, Shanghai has none left and the dose needs at least 7400 MBq at the start; the supply goes to other orders (more urgent first)',
  ],
  notEnoughSome: [
    'not enough Lu-177: when a batch could start for it (06:00–09:00) Beijing, Shanghai has at most 120 MBq left and the dose needs at least 7400 MBq at the start; the supply goes to other orders (more urgent first)',
  ],
};
