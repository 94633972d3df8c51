/**
 * The server's texts about distribution, in both languages (see ./common.ts for the shape): from
 * packages/server/src/services/distribution-service.ts, waste-service.ts, shipping-papers-service.ts
 * and distribution-schemas.ts, and the pure texts of @halflife/ops that reach their answers
 * (transport classification, dose rate estimates, receipt, administration, decay-in-storage).
 * Times and nuclides as people enter them are ./orders.ts's; a stable nuclide is ./batches.ts's.
 */
import type { Messages } from '../messages.js';
import type { Patterns, Samples } from './shape.js';

export const en = {
  // distribution-schemas.ts: validation messages common.ts does not hold.
  expectedDoseRate: 'expected a dose rate in µSv/h',
  expectedLeadMm: 'expected mm of lead',
  expectedGrams: 'expected grams',
  atMostCodes: 'at most {{max}} codes',
  atMostDosesInPackage: 'at most {{max}} doses in one package',
  atMostOrders: 'at most {{max}} orders',
  required: 'required',
  // When a time entered may be (parseInstant's own texts are in ./orders.ts).
  inThePast: 'is in the past',
  daysAhead: 'is more than {{days}} days ahead',
  // Shipments: packing, loading, hand-over, delivery.
  shipmentNotFound: 'shipment {{id}} not found',
  packageNotFound: 'package {{code}} not found',
  shipmentNotLoaded: 'the shipment is not loaded',
  shipmentLoaded: 'the shipment is loaded',
  shipmentInTransit: 'the shipment is in-transit',
  shipmentDelivered: 'the shipment is delivered',
  shipmentLoadedAlready: 'the shipment is loaded already',
  shipmentInTransitAlready: 'the shipment is in-transit already',
  shipmentDeliveredAlready: 'the shipment is delivered already',
  shipmentNotDeliveredYet: 'the shipment is not delivered yet',
  noDoseForOrder: 'no dose of this shipment for that order',
  notOnShipment: 'not on this shipment',
  doseNotDispensed: 'the dose is not dispensed yet',
  dosePackedAlready: 'the dose is packed already',
  orderNamedTwice: 'an order is named twice',
  bothDoseRates: 'give both measured dose rates, or neither',
  measureBeforeLoading: 'the package is loaded: measure before loading',
  dosesNotPacked: 'dispensed doses not packed: orders {{orders}}',
  nothingPacked: 'nothing is packed for this shipment',
  noActiveCourier: 'no active courier with that id',
  scannedTwice: 'scanned twice: {{codes}}',
  missingCodes: 'missing {{codes}}',
  notOfShipment: 'not of this shipment {{codes}}',
  noDoseRate:
    'no dose rate for package {{code}}: no sourced dose-rate constant for {{nuclides}}: measure the package',
  vehicleTiOnBoard:
    'the transport indexes add up to {{sum}}, above {{limit}} on {{vehicle}} (with {{n}} shipment(s) already on board)',
  vehicleTi: 'the transport indexes add up to {{sum}}, above {{limit}} on {{vehicle}}',
  exclusiveUse:
    'package {{code}} needs exclusive use (TI above 10 or surface above 2 mSv/h): not offered by this vehicle',
  runChanged: 'the run changed meanwhile: try again',
  orderChanged: 'order {{id}} changed meanwhile: try again',
  orderCannotBeDispatched: 'order {{id}}: an order that is {{status}} cannot be dispatched',
  orderCannotBeDelivered: 'order {{id}}: an order that is {{status}} cannot be delivered',
  orderCannotBeAdministered: 'order {{id}}: an order that is {{status}} cannot be administered',
  // An order's status reason (the orders list) and a replacement order's notes.
  pickedUpBy: 'picked up by {{name}}',
  deliveredTo: 'delivered to {{hospital}}',
  administeredTo: 'administered to {{patient}}',
  replacementFor: 'replacement for order {{id}} (shipment {{key}} late)',
  // A package's transport classification (@halflife/ops transport-classification.ts, dose-rate.ts).
  progenyCounted: "{{daughters}} counted in {{parent}}'s values (SSR-6 Table 2, footnote (a))",
  withinExcepted: '{{fraction}} A2 is within the {{limit}} A2 of an excepted package (liquid)',
  surfaceAboveExcepted:
    'surface {{surface}} mSv/h is above the {{limit}} mSv/h of an excepted package',
  aboveExcepted:
    '{{fraction}} A2 is above the {{limit}} A2 of an excepted package (liquid) and within A2',
  aboveTypeA: '{{fraction}} A2 is above the A2 of a Type A package',
  notTransportable: 'not transportable: surface {{surface}} mSv/h is above 10 mSv/h',
  noDoseRateConstant: 'no sourced dose-rate constant for {{nuclides}}: measure the package',
  estimateLeadUnshielded:
    'estimate: point source, Γ·A ÷ d² at 1 m and {{d}} m, {{lead}} mm lead (no half-value layer for {{nuclides}}: unshielded)',
  estimateLead: 'estimate: point source, Γ·A ÷ d² at 1 m and {{d}} m, {{lead}} mm lead',
  estimate: 'estimate: point source, Γ·A ÷ d² at 1 m and {{d}} m',
  // A delay's alert to the hospital: the server joins its parts with "; ", each is known here.
  alertLate: 'Shipment {{key}} from {{site}} is late ({{reason}})',
  alertFirstExpiresOrder:
    'now expected {{at}}. {{product}} for order {{order}}: expires before it arrives',
  alertFirstExpires: 'now expected {{at}}. {{product}} for {{patient}}: expires before it arrives',
  alertFirstOutOrder:
    'now expected {{at}}. {{product}} for order {{order}}: {{activity}} MBq at {{useAt}} against {{ordered}} MBq ordered ({{deviation}}%, tolerance ±{{tolerance}}%)',
  alertFirstOut:
    'now expected {{at}}. {{product}} for {{patient}}: {{activity}} MBq at {{useAt}} against {{ordered}} MBq ordered ({{deviation}}%, tolerance ±{{tolerance}}%)',
  alertExpiresOrder: '{{product}} for order {{order}}: expires before it arrives',
  alertExpires: '{{product}} for {{patient}}: expires before it arrives',
  alertOutOrder:
    '{{product}} for order {{order}}: {{activity}} MBq at {{useAt}} against {{ordered}} MBq ordered ({{deviation}}%, tolerance ±{{tolerance}}%)',
  alertOut:
    '{{product}} for {{patient}}: {{activity}} MBq at {{useAt}} against {{ordered}} MBq ordered ({{deviation}}%, tolerance ±{{tolerance}}%)',
  // At the hospital: receipt (@halflife/ops receipt.ts) and administration (administration.ts).
  doseNotFound: 'dose {{id}} not found',
  doseReceivedAlready: 'the dose is received already',
  doseNotInPackage: 'the dose is not in package {{code}}',
  beforeDispensed: 'is before the dose was dispensed',
  receiptOutside:
    'measured {{measured}} MBq, expected {{expected}} MBq ({{deviation}}%): outside ±{{tolerance}}%',
  receipt: 'measured {{measured}} MBq, expected {{expected}} MBq ({{deviation}}%)',
  receiptFirst: 'record the receipt first',
  doseRefused: 'the dose was refused',
  doseAdministeredAlready: 'the dose is administered already',
  dayBeforeReceipt: 'is more than a day before the dose was received',
  syringeAfter: 'the syringe is measured after the administration',
  residueBefore: 'the residue is measured before the administration',
  residueNotLess: 'the residue ({{residue}}) is not less than the dose ({{dose}})',
  administered:
    'administered {{administered}} at the time of administration ({{before}} before − {{residue}} residue), {{deviation}} from the prescribed {{prescribed}}',
  outsideLabelDirection:
    "outside the label's ±{{pct}}%: record the authorised user's direction to give it",
  outsideLabel: "outside the label's ±{{pct}}%",
  overTwentyPercent: 'more than 20% from the prescribed dosage (10 CFR 35.63)',
  medicalEventDirection:
    "possible medical event (10 CFR 35.3045): review whether the dose differs by more than 0.05 Sv effective or 0.5 Sv to an organ: record the authorised user's direction to give it",
  medicalEvent:
    'possible medical event (10 CFR 35.3045): review whether the dose differs by more than 0.05 Sv effective or 0.5 Sv to an organ',
  noWasteContainerOfHospital: 'no waste container of this hospital with that id',
  wasteResidueOf: 'residue of {{product}} ({{patient}})',
  // Waste held for decay (waste-service.ts; @halflife/ops waste-container.ts).
  wasteNotYourHospital: 'not a hospital of yours',
  wasteNotYourSite: 'not a site of yours',
  wasteContainerNotFound: 'waste container {{id}} not found',
  wasteContainerClosed: 'the container is closed',
  wasteContainerReleased: 'the container is released',
  wasteOpenCloseFirst: 'the container is open: close it first',
  wasteReleasedCloseFirst: 'the container is released: close it first',
  wasteContainerFull: 'the container holds {{n}} items: close it',
  wasteContainerEmpty: 'the container is empty',
  wasteContainerChanged: 'the container changed meanwhile',
  wasteDaysBeforeOpened: 'is more than {{days}} days before the container was opened',
  wasteRuleGivesNoDate: 'the release rule gives no date for this container',
  wasteNotBefore: 'the container may not be released before {{at}}',
  wasteAboveBackground:
    'the surface reads {{reading}} µSv/h, above the background {{background}} µSv/h',
  wasteBelowMillionth: 'what is left is below a millionth of the activity put in',
  wasteHalfLivesTooLong:
    '{{n}} half-lives of {{nuclide}} are more than {{years}} years: not for decay-in-storage',
  wasteHalfLivesBackground:
    '{{n}} half-lives of {{nuclide}}: {{days}} days, then a survey must not tell it from background',
  wasteHalfLives: '{{n}} half-lives of {{nuclide}}: {{days}} days',
  wasteNeedsMass: 'the clearance rule needs the waste’s mass',
  wasteNoClearanceLevel: 'no clearance level for {{nuclides}}',
  wasteAboveClearanceYears:
    'above the clearance levels for more than {{years}} years: not for decay-in-storage',
  wasteBelowClearance: 'below the clearance levels (sum rule, {{mass}} g) after {{days}} days',
  wasteStorageLimit:
    '{{nuclide}} ({{halfLife}} d) is above the {{limit}}-day limit of decay-in-storage under 10 CFR 35.92',
};

/** An order's status in Chinese, by the dispatch screen's words for it (i18next nesting). */
const STATUS = '“$t(dispatch:orderStatus.{{status}})”';

export const zh: Messages<typeof en> = {
  expectedDoseRate: '应为以 µSv/h 计的剂量率',
  expectedLeadMm: '应为以 mm 计的铅屏蔽厚度',
  expectedGrams: '应为以 g 计的质量',
  atMostCodes: '最多 {{max}} 个编码',
  atMostDosesInPackage: '一个货包最多装 {{max}} 剂',
  atMostOrders: '最多 {{max}} 个订单',
  required: '必填',
  inThePast: '早于当前时间',
  daysAhead: '比当前时间晚 {{days}} 天以上',
  shipmentNotFound: '未找到运单 {{id}}',
  packageNotFound: '未找到货包 {{code}}',
  shipmentNotLoaded: '运单尚未装车',
  shipmentLoaded: '运单已装车，尚未提货',
  shipmentInTransit: '运单已在运输中',
  shipmentDelivered: '运单已送达',
  shipmentLoadedAlready: '运单已装车',
  shipmentInTransitAlready: '运单已在运输中',
  shipmentDeliveredAlready: '运单已送达',
  shipmentNotDeliveredYet: '运单尚未送达',
  noDoseForOrder: '本运单中没有该订单的剂量',
  notOnShipment: '不在本运单上',
  doseNotDispensed: '该剂量尚未分装',
  dosePackedAlready: '该剂量已装包',
  orderNamedTwice: '有订单被重复指定',
  bothDoseRates: '两个实测剂量率须同时填写或都不填',
  measureBeforeLoading: '货包已装车：须在装车前测量',
  dosesNotPacked: '已分装的剂量尚未装包：订单 {{orders}}',
  nothingPacked: '本运单尚未包装任何货包',
  noActiveCourier: '没有该编号的在岗配送员',
  scannedTwice: '重复扫描：{{codes}}',
  missingCodes: '缺少 {{codes}}',
  notOfShipment: '不属于本运单：{{codes}}',
  noDoseRate: '货包 {{code}} 没有剂量率：{{nuclides}} 没有有出处的剂量率常数，请测量该货包',
  vehicleTiOnBoard:
    '车辆 {{vehicle}} 上的运输指数合计 {{sum}}（含车上已有的 {{n}} 个运单），超过 {{limit}}',
  vehicleTi: '车辆 {{vehicle}} 上的运输指数合计 {{sum}}，超过 {{limit}}',
  exclusiveUse:
    '货包 {{code}} 需要独家使用（TI 超过 10 或表面剂量率超过 2 mSv/h）：本车辆不提供独家使用',
  runChanged: '运输任务刚被他人更改：请重试',
  orderChanged: '订单 {{id}} 刚被他人更改：请重试',
  orderCannotBeDispatched: `订单 {{id}}：状态为${STATUS}的订单不能发运`,
  orderCannotBeDelivered: `订单 {{id}}：状态为${STATUS}的订单不能送达`,
  orderCannotBeAdministered: `订单 {{id}}：状态为${STATUS}的订单不能给药`,
  pickedUpBy: '由 {{name}} 提货',
  deliveredTo: '已送达 {{hospital}}',
  administeredTo: '已为 {{patient}} 给药',
  replacementFor: '替换订单 {{id}}（运单 {{key}} 延误）',
  progenyCounted: '{{daughters}} 已计入 {{parent}} 的限值（SSR-6 表 2，脚注 (a)）',
  withinExcepted: '{{fraction}} A2 在例外货包（液体）的 {{limit}} A2 限值以内',
  surfaceAboveExcepted: '表面剂量率 {{surface}} mSv/h 超过例外货包的 {{limit}} mSv/h',
  aboveExcepted: '{{fraction}} A2 超过例外货包（液体）的 {{limit}} A2，且不超过 A2',
  aboveTypeA: '{{fraction}} A2 超过 A型货包的 A2 限值',
  notTransportable: '不可运输：表面剂量率 {{surface}} mSv/h 超过 10 mSv/h',
  noDoseRateConstant: '{{nuclides}} 没有有出处的剂量率常数：请测量该货包',
  estimateLeadUnshielded:
    '估算：点源，按 Γ·A ÷ d² 计算 1 m 处和 {{d}} m 处，铅 {{lead}} mm（{{nuclides}} 没有半值层数据：按无屏蔽计）',
  estimateLead: '估算：点源，按 Γ·A ÷ d² 计算 1 m 处和 {{d}} m 处，铅 {{lead}} mm',
  estimate: '估算：点源，按 Γ·A ÷ d² 计算 1 m 处和 {{d}} m 处',
  alertLate: '来自 {{site}} 的运单 {{key}} 延误（{{reason}}）',
  alertFirstExpiresOrder: '现预计 {{at}} 到达。{{product}}（订单 {{order}}）：到达前即已过期',
  alertFirstExpires: '现预计 {{at}} 到达。{{product}}（{{patient}}）：到达前即已过期',
  alertFirstOutOrder:
    '现预计 {{at}} 到达。{{product}}（订单 {{order}}）：{{useAt}} 时为 {{activity}} MBq，订购 {{ordered}} MBq（{{deviation}}%，允差 ±{{tolerance}}%）',
  alertFirstOut:
    '现预计 {{at}} 到达。{{product}}（{{patient}}）：{{useAt}} 时为 {{activity}} MBq，订购 {{ordered}} MBq（{{deviation}}%，允差 ±{{tolerance}}%）',
  alertExpiresOrder: '{{product}}（订单 {{order}}）：到达前即已过期',
  alertExpires: '{{product}}（{{patient}}）：到达前即已过期',
  alertOutOrder:
    '{{product}}（订单 {{order}}）：{{useAt}} 时为 {{activity}} MBq，订购 {{ordered}} MBq（{{deviation}}%，允差 ±{{tolerance}}%）',
  alertOut:
    '{{product}}（{{patient}}）：{{useAt}} 时为 {{activity}} MBq，订购 {{ordered}} MBq（{{deviation}}%，允差 ±{{tolerance}}%）',
  doseNotFound: '未找到剂量 {{id}}',
  doseReceivedAlready: '该剂量已接收',
  doseNotInPackage: '该剂量不在货包 {{code}} 中',
  beforeDispensed: '早于该剂量的分装时间',
  receiptOutside:
    '测得 {{measured}} MBq，预期 {{expected}} MBq（{{deviation}}%）：超出 ±{{tolerance}}%',
  receipt: '测得 {{measured}} MBq，预期 {{expected}} MBq（{{deviation}}%）',
  receiptFirst: '请先登记接收',
  doseRefused: '该剂量已被拒收',
  doseAdministeredAlready: '该剂量已给药',
  dayBeforeReceipt: '早于该剂量的接收时间一天以上',
  syringeAfter: '注射器的测量时间晚于给药时间',
  residueBefore: '残留的测量时间早于给药时间',
  residueNotLess: '残留活度（{{residue}}）不小于给药前活度（{{dose}}）',
  administered:
    '给药时刻的给药活度为 {{administered}}（给药前 {{before}} − 残留 {{residue}}），与处方 {{prescribed}} 相差 {{deviation}}',
  outsideLabelDirection: '超出标签规定的 ±{{pct}}%：须记录授权医师的指示方可给药',
  outsideLabel: '超出标签规定的 ±{{pct}}%',
  overTwentyPercent: '与处方剂量相差超过 20%（10 CFR 35.63）',
  medicalEventDirection:
    '可能的医疗事件（10 CFR 35.3045）：请复核所受剂量与预期相差是否超过有效剂量 0.05 Sv 或器官剂量 0.5 Sv：须记录授权医师的指示方可给药',
  medicalEvent:
    '可能的医疗事件（10 CFR 35.3045）：请复核所受剂量与预期相差是否超过有效剂量 0.05 Sv 或器官剂量 0.5 Sv',
  noWasteContainerOfHospital: '本医院没有该编号的废物容器',
  wasteResidueOf: '{{product}} 的残留（{{patient}}）',
  wasteNotYourHospital: '不是您所属的医院',
  wasteNotYourSite: '不是您所属的场地',
  wasteContainerNotFound: '未找到废物容器 {{id}}',
  wasteContainerClosed: '该容器已封存衰变',
  wasteContainerReleased: '该容器已解控',
  wasteOpenCloseFirst: '该容器仍在使用中：请先封存',
  wasteReleasedCloseFirst: '该容器已解控：只有已封存的容器可以解控',
  wasteContainerFull: '该容器已有 {{n}} 个条目：请封存',
  wasteContainerEmpty: '该容器为空',
  wasteContainerChanged: '该容器刚被他人更改',
  wasteDaysBeforeOpened: '早于该容器启用时间 {{days}} 天以上',
  wasteRuleGivesNoDate: '该容器的解控规则给不出解控日期',
  wasteNotBefore: '该容器在 {{at}} 之前不得解控',
  wasteAboveBackground: '表面读数 {{reading}} µSv/h，高于本底 {{background}} µSv/h',
  wasteBelowMillionth: '剩余活度已低于放入活度的百万分之一',
  wasteHalfLivesTooLong: '{{nuclide}} 的 {{n}} 个半衰期超过 {{years}} 年：不适用贮存衰变',
  wasteHalfLivesBackground:
    '{{nuclide}} 的 {{n}} 个半衰期：{{days}} 天，之后须经监测确认与本底无法区分',
  wasteHalfLives: '{{nuclide}} 的 {{n}} 个半衰期：{{days}} 天',
  wasteNeedsMass: '解控规则需要废物的质量',
  wasteNoClearanceLevel: '{{nuclides}} 没有解控水平',
  wasteAboveClearanceYears: '高于解控水平的时间超过 {{years}} 年：不适用贮存衰变',
  wasteBelowClearance: '{{days}} 天后低于解控水平（加和规则，{{mass}} g）',
  wasteStorageLimit:
    '{{nuclide}}（半衰期 {{halfLife}} 天）超过 10 CFR 35.92 规定的贮存衰变半衰期上限 {{limit}} 天',
};

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ISO = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z';
const NUMBER = '-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?';
const NUCLIDE = '[A-Z][a-z]?-\\d+(?:m\\d?)?';
const NUCLIDES = `${NUCLIDE}(?:, ${NUCLIDE})*`;
const ORDER_STATUS =
  '(?<status>submitted|accepted|planned|not_planned|in_production|released|dispatched|delivered|administered|cancelled|rejected)';
const cannotBe = (done: string) =>
  new RegExp(`^order (?<id>${UUID}): an order that is ${ORDER_STATUS} cannot be ${done}$`);
const ESTIMATE = '^estimate: point source, Γ·A ÷ d² at 1 m and (?<d>[\\d.]+) m';
/** A line of the delay alert: for a patient, or for an order (its id's first 8 characters). */
const FOR_PATIENT = '(?<product>[^;]+?) for (?!order [0-9a-f]{8}:)(?<patient>[^\\s;:]+)';
const FOR_ORDER = '(?<product>[^;]+?) for order (?<order>[0-9a-f]{8})';
const NOW = `^now expected (?<at>${ISO})\\. `;
const EXPIRES = ': expires before it arrives\\.?$';
const OUT =
  `: (?<activity>[\\d.]+) MBq at (?<useAt>${ISO}) against (?<ordered>[\\d.]+) MBq ordered ` +
  '\\((?<deviation>-?[\\d.]+)%, tolerance ±(?<tolerance>[\\d.]+)%\\)\\.?$';
const MEDICAL_EVENT =
  'possible medical event \\(10 CFR 35\\.3045\\): review whether the dose differs by more ' +
  'than 0\\.05 Sv effective or 0\\.5 Sv to an organ';
const DIRECTION = ": record the authorised user's direction to give it$";

export const patterns: Patterns<typeof en> = {
  expectedDoseRate: /^expected a dose rate in µSv\/h$/,
  expectedLeadMm: /^expected mm of lead$/,
  expectedGrams: /^expected grams$/,
  atMostCodes: /^at most (?<max>\d+) codes$/,
  atMostDosesInPackage: /^at most (?<max>\d+) doses in one package$/,
  atMostOrders: /^at most (?<max>\d+) orders$/,
  required: /^required$/,
  inThePast: /^is in the past$/,
  daysAhead: /^is more than (?<days>\d+) days ahead$/,
  shipmentNotFound: /^shipment (?<id>\S+) not found$/,
  packageNotFound: /^package (?<code>\S+) not found$/,
  shipmentNotLoaded: /^the shipment is not loaded$/,
  shipmentLoaded: /^the shipment is loaded$/,
  shipmentInTransit: /^the shipment is in-transit$/,
  shipmentDelivered: /^the shipment is delivered$/,
  shipmentLoadedAlready: /^the shipment is loaded already$/,
  shipmentInTransitAlready: /^the shipment is in-transit already$/,
  shipmentDeliveredAlready: /^the shipment is delivered already$/,
  shipmentNotDeliveredYet: /^the shipment is not delivered yet$/,
  noDoseForOrder: /^no dose of this shipment for that order$/,
  notOnShipment: /^not on this shipment$/,
  doseNotDispensed: /^the dose is not dispensed yet$/,
  dosePackedAlready: /^the dose is packed already$/,
  orderNamedTwice: /^an order is named twice$/,
  bothDoseRates: /^give both measured dose rates, or neither$/,
  measureBeforeLoading: /^the package is loaded: measure before loading$/,
  dosesNotPacked: /^dispensed doses not packed: orders (?<orders>[0-9a-f]{8}(?:, [0-9a-f]{8})*)$/,
  nothingPacked: /^nothing is packed for this shipment$/,
  noActiveCourier: /^no active courier with that id$/,
  scannedTwice: /^scanned twice: (?<codes>.+)$/,
  missingCodes: /^missing (?<codes>PK-[A-Z0-9]+(?:, PK-[A-Z0-9]+)*)$/,
  notOfShipment: /^not of this shipment (?<codes>.+)$/,
  noDoseRate: new RegExp(
    `^no dose rate for package (?<code>\\S+): no sourced dose-rate constant for (?<nuclides>${NUCLIDES}): measure the package$`,
  ),
  vehicleTiOnBoard:
    /^the transport indexes add up to (?<sum>[\d.]+), above (?<limit>\d+) on (?<vehicle>.+) \(with (?<n>\d+) shipment\(s\) already on board\)$/,
  vehicleTi:
    /^the transport indexes add up to (?<sum>[\d.]+), above (?<limit>\d+) on (?<vehicle>(?!.* \(with \d+ shipment\(s\) already on board\)$).+)$/,
  exclusiveUse:
    /^package (?<code>\S+) needs exclusive use \(TI above 10 or surface above 2 mSv\/h\): not offered by this vehicle$/,
  runChanged: /^the run changed meanwhile: try again$/,
  orderChanged: new RegExp(`^order (?<id>${UUID}) changed meanwhile: try again$`),
  orderCannotBeDispatched: cannotBe('dispatched'),
  orderCannotBeDelivered: cannotBe('delivered'),
  orderCannotBeAdministered: cannotBe('administered'),
  pickedUpBy: /^picked up by (?<name>.+)$/,
  deliveredTo: /^delivered to (?<hospital>.+)$/,
  administeredTo: /^administered to (?<patient>.+)$/,
  replacementFor: new RegExp(
    `^replacement for order (?<id>${UUID}) \\(shipment (?<key>.+) late\\)$`,
  ),
  progenyCounted: new RegExp(
    `^(?<daughters>${NUCLIDES}) counted in (?<parent>${NUCLIDE})'s values \\(SSR-6 Table 2, footnote \\(a\\)\\)$`,
  ),
  withinExcepted: new RegExp(
    `^(?<fraction>${NUMBER}) A2 is within the (?<limit>${NUMBER}) A2 of an excepted package \\(liquid\\)$`,
  ),
  surfaceAboveExcepted: new RegExp(
    `^surface (?<surface>${NUMBER}) mSv/h is above the (?<limit>${NUMBER}) mSv/h of an excepted package$`,
  ),
  aboveExcepted: new RegExp(
    `^(?<fraction>${NUMBER}) A2 is above the (?<limit>${NUMBER}) A2 of an excepted package \\(liquid\\) and within A2$`,
  ),
  aboveTypeA: new RegExp(`^(?<fraction>${NUMBER}) A2 is above the A2 of a Type A package$`),
  notTransportable: new RegExp(
    `^not transportable: surface (?<surface>${NUMBER}) mSv/h is above 10 mSv/h$`,
  ),
  noDoseRateConstant: new RegExp(
    `^no sourced dose-rate constant for (?<nuclides>${NUCLIDES}): measure the package$`,
  ),
  estimateLeadUnshielded: new RegExp(
    `${ESTIMATE}, (?<lead>[\\d.]+) mm lead \\(no half-value layer for (?<nuclides>${NUCLIDES}): unshielded\\)$`,
  ),
  estimateLead: new RegExp(`${ESTIMATE}, (?<lead>[\\d.]+) mm lead$`),
  estimate: new RegExp(`${ESTIMATE}$`),
  alertLate: /^Shipment (?<key>\S+) from (?<site>.+?) is late \((?<reason>.*)\)$/,
  alertFirstExpiresOrder: new RegExp(`${NOW}${FOR_ORDER}${EXPIRES}`),
  alertFirstExpires: new RegExp(`${NOW}${FOR_PATIENT}${EXPIRES}`),
  alertFirstOutOrder: new RegExp(`${NOW}${FOR_ORDER}${OUT}`),
  alertFirstOut: new RegExp(`${NOW}${FOR_PATIENT}${OUT}`),
  alertExpiresOrder: new RegExp(`^(?!now expected )${FOR_ORDER}${EXPIRES}`),
  alertExpires: new RegExp(`^(?!now expected )${FOR_PATIENT}${EXPIRES}`),
  alertOutOrder: new RegExp(`^(?!now expected )${FOR_ORDER}${OUT}`),
  alertOut: new RegExp(`^(?!now expected )${FOR_PATIENT}${OUT}`),
  doseNotFound: /^dose (?<id>\S+) not found$/,
  doseReceivedAlready: /^the dose is received already$/,
  doseNotInPackage: /^the dose is not in package (?<code>\S+)$/,
  beforeDispensed: /^is before the dose was dispensed$/,
  receiptOutside:
    /^measured (?<measured>[\d.]+) MBq, expected (?<expected>[\d.]+) MBq \((?<deviation>-?[\d.]+)%\): outside ±(?<tolerance>[\d.]+)%$/,
  receipt:
    /^measured (?<measured>[\d.]+) MBq, expected (?<expected>[\d.]+) MBq \((?<deviation>-?[\d.]+)%\)$/,
  receiptFirst: /^record the receipt first$/,
  doseRefused: /^the dose was refused$/,
  doseAdministeredAlready: /^the dose is administered already$/,
  dayBeforeReceipt: /^is more than a day before the dose was received$/,
  syringeAfter: /^the syringe is measured after the administration$/,
  residueBefore: /^the residue is measured before the administration$/,
  residueNotLess:
    /^the residue \((?<residue>-?[\d.]+ MBq)\) is not less than the dose \((?<dose>-?[\d.]+ MBq)\)$/,
  administered:
    /^administered (?<administered>-?[\d.]+ MBq) at the time of administration \((?<before>-?[\d.]+ MBq) before − (?<residue>-?[\d.]+ MBq) residue\), (?<deviation>[+-]?[\d.]+%) from the prescribed (?<prescribed>[\d.]+ MBq)$/,
  outsideLabelDirection: new RegExp(`^outside the label's ±(?<pct>[\\d.]+)%${DIRECTION}`),
  outsideLabel: /^outside the label's ±(?<pct>[\d.]+)%$/,
  overTwentyPercent: /^more than 20% from the prescribed dosage \(10 CFR 35\.63\)$/,
  medicalEventDirection: new RegExp(`^${MEDICAL_EVENT}${DIRECTION}`),
  medicalEvent: new RegExp(`^${MEDICAL_EVENT}$`),
  noWasteContainerOfHospital: /^no waste container of this hospital with that id$/,
  wasteResidueOf: /^residue of (?<product>.+) \((?<patient>[^\s()]+)\)$/,
  wasteNotYourHospital: /^not a hospital of yours$/,
  wasteNotYourSite: /^not a site of yours$/,
  wasteContainerNotFound: /^waste container (?<id>\S+) not found$/,
  wasteContainerClosed: /^the container is closed$/,
  wasteContainerReleased: /^the container is released$/,
  wasteOpenCloseFirst: /^the container is open: close it first$/,
  wasteReleasedCloseFirst: /^the container is released: close it first$/,
  wasteContainerFull: /^the container holds (?<n>\d+) items: close it$/,
  wasteContainerEmpty: /^the container is empty$/,
  wasteContainerChanged: /^the container changed meanwhile$/,
  wasteDaysBeforeOpened: /^is more than (?<days>\d+) days before the container was opened$/,
  wasteRuleGivesNoDate: /^the release rule gives no date for this container$/,
  wasteNotBefore: new RegExp(`^the container may not be released before (?<at>${ISO})$`),
  wasteAboveBackground: new RegExp(
    `^the surface reads (?<reading>${NUMBER}) µSv/h, above the background (?<background>${NUMBER}) µSv/h$`,
  ),
  wasteBelowMillionth: /^what is left is below a millionth of the activity put in$/,
  wasteHalfLivesTooLong: new RegExp(
    `^(?<n>\\d+) half-lives of (?<nuclide>${NUCLIDE}) are more than (?<years>\\d+) years: not for decay-in-storage$`,
  ),
  wasteHalfLivesBackground: new RegExp(
    `^(?<n>\\d+) half-lives of (?<nuclide>${NUCLIDE}): (?<days>[\\d.]+) days, then a survey must not tell it from background$`,
  ),
  wasteHalfLives: new RegExp(
    `^(?<n>\\d+) half-lives of (?<nuclide>${NUCLIDE}): (?<days>[\\d.]+) days$`,
  ),
  wasteNeedsMass: /^the clearance rule needs the waste’s mass$/,
  wasteNoClearanceLevel: new RegExp(`^no clearance level for (?<nuclides>${NUCLIDES})$`),
  wasteAboveClearanceYears:
    /^above the clearance levels for more than (?<years>\d+) years: not for decay-in-storage$/,
  wasteBelowClearance:
    /^below the clearance levels \(sum rule, (?<mass>[\d.e+]+) g\) after (?<days>[\d.]+) days$/,
  wasteStorageLimit: new RegExp(
    `^(?<nuclide>${NUCLIDE}) \\((?<halfLife>[\\d.]+) d\\) is above the (?<limit>\\d+)-day limit of decay-in-storage under 10 CFR 35\\.92$`,
  ),
};

const ORDER = '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f';

export const samples: Samples<typeof en> = {
  expectedDoseRate: ['expected a dose rate in µSv/h'],
  expectedLeadMm: ['expected mm of lead'],
  expectedGrams: ['expected grams'],
  atMostCodes: ['at most 200 codes'],
  atMostDosesInPackage: ['at most 50 doses in one package'],
  atMostOrders: ['at most 50 orders'],
  required: ['required'],
  inThePast: ['is in the past'],
  daysAhead: ['is more than 7 days ahead'],
  shipmentNotFound: ['shipment 7c0e5d52-2f1b-4c8e-a3d4-9b6f0e1c2a3b not found'],
  packageNotFound: ['package PK-3F9A1C2B7D not found'],
  shipmentNotLoaded: ['the shipment is not loaded'],
  shipmentLoaded: ['the shipment is loaded'],
  shipmentInTransit: ['the shipment is in-transit'],
  shipmentDelivered: ['the shipment is delivered'],
  shipmentLoadedAlready: ['the shipment is loaded already'],
  shipmentInTransitAlready: ['the shipment is in-transit already'],
  shipmentDeliveredAlready: ['the shipment is delivered already'],
  shipmentNotDeliveredYet: ['the shipment is not delivered yet'],
  noDoseForOrder: ['no dose of this shipment for that order'],
  notOnShipment: ['not on this shipment'],
  doseNotDispensed: ['the dose is not dispensed yet'],
  dosePackedAlready: ['the dose is packed already'],
  orderNamedTwice: ['an order is named twice'],
  bothDoseRates: ['give both measured dose rates, or neither'],
  measureBeforeLoading: ['the package is loaded: measure before loading'],
  dosesNotPacked: ['dispensed doses not packed: orders 3f2a9c1e, 8b7d6c5e'],
  nothingPacked: ['nothing is packed for this shipment'],
  noActiveCourier: ['no active courier with that id'],
  scannedTwice: ['scanned twice: PK-3F9A1C2B7D'],
  missingCodes: ['missing PK-3F9A1C2B7D, PK-0A1B2C3D4E'],
  notOfShipment: ['not of this shipment PK-99887766AA'],
  noDoseRate: [
    'no dose rate for package PK-3F9A1C2B7D: no sourced dose-rate constant for Zr-89: measure the package',
  ],
  vehicleTiOnBoard: [
    'the transport indexes add up to 55.3, above 50 on 粤B·12345 (with 2 shipment(s) already on board)',
  ],
  vehicleTi: ['the transport indexes add up to 55.3, above 50 on 粤B·12345'],
  exclusiveUse: [
    'package PK-3F9A1C2B7D needs exclusive use (TI above 10 or surface above 2 mSv/h): not offered by this vehicle',
  ],
  runChanged: ['the run changed meanwhile: try again'],
  orderChanged: [`order ${ORDER} changed meanwhile: try again`],
  orderCannotBeDispatched: [`order ${ORDER}: an order that is not_planned cannot be dispatched`],
  orderCannotBeDelivered: [`order ${ORDER}: an order that is released cannot be delivered`],
  orderCannotBeAdministered: [`order ${ORDER}: an order that is dispatched cannot be administered`],
  pickedUpBy: ['picked up by Li Wei (demo courier)'],
  deliveredTo: ["delivered to Demo Shenzhen People's Hospital (demo)"],
  administeredTo: ['administered to P-2026-0042'],
  replacementFor: [`replacement for order ${ORDER} (shipment SZ-01-R2 late)`],
  progenyCounted: [
    "Bi-212 counted in Pb-212's values (SSR-6 Table 2, footnote (a))",
    "Bi-212, Po-212, Tl-208 counted in Pb-212's values (SSR-6 Table 2, footnote (a))",
  ],
  withinExcepted: ['0.0000750 A2 is within the 0.000100 A2 of an excepted package (liquid)'],
  surfaceAboveExcepted: ['surface 0.02 mSv/h is above the 0.005 mSv/h of an excepted package'],
  aboveExcepted: [
    '0.0106 A2 is above the 0.000100 A2 of an excepted package (liquid) and within A2',
  ],
  aboveTypeA: ['1.43 A2 is above the A2 of a Type A package'],
  notTransportable: ['not transportable: surface 12 mSv/h is above 10 mSv/h'],
  noDoseRateConstant: ['no sourced dose-rate constant for Zr-89: measure the package'],
  estimateLeadUnshielded: [
    'estimate: point source, Γ·A ÷ d² at 1 m and 0.09 m, 30 mm lead (no half-value layer for Y-90: unshielded)',
  ],
  estimateLead: ['estimate: point source, Γ·A ÷ d² at 1 m and 0.09 m, 30 mm lead'],
  estimate: ['estimate: point source, Γ·A ÷ d² at 1 m and 0.09 m'],
  alertLate: ['Shipment SZ-01-R2 from Demo Guangzhou Cyclotron Site is late (traffic on G4)'],
  alertFirstExpiresOrder: [
    'now expected 2026-12-05T04:30:00.000Z. Ga-68 PSMA-11 for order 3f2a9c1e: expires before it arrives.',
  ],
  alertFirstExpires: [
    'now expected 2026-12-05T04:30:00.000Z. Ga-68 PSMA-11 for P-2026-0042: expires before it arrives',
  ],
  alertFirstOutOrder: [
    'now expected 2026-12-05T04:30:00.000Z. F-18 FDG for order 3f2a9c1e: 301.2 MBq at 2026-12-05T04:30:00.000Z against 370.0 MBq ordered (-18.6%, tolerance ±10%).',
  ],
  alertFirstOut: [
    'now expected 2026-12-05T04:30:00.000Z. F-18 FDG for P-2026-0042: 301.2 MBq at 2026-12-05T04:30:00.000Z against 370.0 MBq ordered (-18.6%, tolerance ±10%)',
  ],
  alertExpiresOrder: ['Ga-68 PSMA-11 for order 3f2a9c1e: expires before it arrives.'],
  alertExpires: ['Ga-68 PSMA-11 for P-2026-0042: expires before it arrives'],
  alertOutOrder: [
    'F-18 FDG for order 3f2a9c1e: 301.2 MBq at 2026-12-05T04:30:00.000Z against 370.0 MBq ordered (-18.6%, tolerance ±10%)',
  ],
  alertOut: [
    'F-18 FDG for P-2026-0042: 301.2 MBq at 2026-12-05T04:30:00.000Z against 370.0 MBq ordered (-18.6%, tolerance ±10%).',
  ],
  doseNotFound: ['dose 5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a not found'],
  doseReceivedAlready: ['the dose is received already'],
  doseNotInPackage: ['the dose is not in package PK-3F9A1C2B7D'],
  beforeDispensed: ['is before the dose was dispensed'],
  receiptOutside: ['measured 380.0 MBq, expected 342.3 MBq (11.0%): outside ±10%'],
  receipt: ['measured 340.0 MBq, expected 342.3 MBq (-0.7%)'],
  receiptFirst: ['record the receipt first'],
  doseRefused: ['the dose was refused'],
  doseAdministeredAlready: ['the dose is administered already'],
  dayBeforeReceipt: ['is more than a day before the dose was received'],
  syringeAfter: ['the syringe is measured after the administration'],
  residueBefore: ['the residue is measured before the administration'],
  residueNotLess: ['the residue (200.4 MBq) is not less than the dose (99.8 MBq)'],
  administered: [
    'administered 8181.8 MBq at the time of administration (8282.0 MBq before − 100.2 MBq residue), +10.6% from the prescribed 7400.0 MBq',
    'administered 6950.3 MBq at the time of administration (7050.5 MBq before − 100.2 MBq residue), -6.1% from the prescribed 7400.0 MBq',
  ],
  outsideLabelDirection: [
    "outside the label's ±10%: record the authorised user's direction to give it",
  ],
  outsideLabel: ["outside the label's ±10%"],
  overTwentyPercent: ['more than 20% from the prescribed dosage (10 CFR 35.63)'],
  medicalEventDirection: [
    "possible medical event (10 CFR 35.3045): review whether the dose differs by more than 0.05 Sv effective or 0.5 Sv to an organ: record the authorised user's direction to give it",
  ],
  medicalEvent: [
    'possible medical event (10 CFR 35.3045): review whether the dose differs by more than 0.05 Sv effective or 0.5 Sv to an organ',
  ],
  noWasteContainerOfHospital: ['no waste container of this hospital with that id'],
  wasteResidueOf: ['residue of Lu-177 PSMA-617 (P-2026-0042)'],
  wasteNotYourHospital: ['not a hospital of yours'],
  wasteNotYourSite: ['not a site of yours'],
  wasteContainerNotFound: ['waste container 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d not found'],
  wasteContainerClosed: ['the container is closed'],
  wasteContainerReleased: ['the container is released'],
  wasteOpenCloseFirst: ['the container is open: close it first'],
  wasteReleasedCloseFirst: ['the container is released: close it first'],
  wasteContainerFull: ['the container holds 500 items: close it'],
  wasteContainerEmpty: ['the container is empty'],
  wasteContainerChanged: ['the container changed meanwhile'],
  wasteDaysBeforeOpened: ['is more than 7 days before the container was opened'],
  wasteRuleGivesNoDate: ['the release rule gives no date for this container'],
  wasteNotBefore: ['the container may not be released before 2026-12-06T01:00:00.000Z'],
  wasteAboveBackground: ['the surface reads 0.25 µSv/h, above the background 0.1 µSv/h'],
  wasteBelowMillionth: ['what is left is below a millionth of the activity put in'],
  wasteHalfLivesTooLong: [
    '10 half-lives of Cs-137 are more than 100 years: not for decay-in-storage',
  ],
  wasteHalfLivesBackground: [
    '10 half-lives of F-18: 0.76 days, then a survey must not tell it from background',
  ],
  wasteHalfLives: ['10 half-lives of F-18: 0.76 days', '10 half-lives of Lu-177m: 1604 days'],
  wasteNeedsMass: ['the clearance rule needs the waste’s mass'],
  wasteNoClearanceLevel: ['no clearance level for Ga-68', 'no clearance level for Ga-68, Ge-68'],
  wasteAboveClearanceYears: [
    'above the clearance levels for more than 100 years: not for decay-in-storage',
  ],
  wasteBelowClearance: [
    'below the clearance levels (sum rule, 500 g) after 1.12 days',
    'below the clearance levels (sum rule, 1000 g) after 73 days',
  ],
  wasteStorageLimit: [
    'Lu-177m (160.4 d) is above the 120-day limit of decay-in-storage under 10 CFR 35.92',
  ],
};
