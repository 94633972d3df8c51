/**
 * The server's texts about theranostic pathways, outcomes, supply strategy, network design and
 * the hospital interfaces, in both languages (see ./common.ts for the shape). Sources:
 * packages/server/src/services/{pathway,cohort,outlook*,allocation,design*,interfaces,hl7-delivery}
 * .ts, theranostics-, strategy- and interface-schemas.ts, hl7/mllp-send.ts, the db's design and
 * hl7 repositories, and the pure texts of @halflife/clinical (cycles, regimens, RECIST baseline)
 * and @halflife/strategy (allocation, design validation, reach and unserved demand).
 */
import type { Messages } from '../messages.js';
import type { Patterns, Samples } from './shape.js';

export const en = {
  // A cohort's groups when grouped other than by arm (packages/clinical cohort-summary.ts).
  groupHighVolume: 'high volume',
  groupLowVolume: 'low volume',
  groupDeNovo: 'de novo',
  groupRecurrent: 'recurrent',
  groupPriorLu177: 'prior Lu-177',
  groupNoPriorLu177: 'no prior Lu-177',
  // Patients and their pathway (pathway-service.ts; @halflife/clinical cycles, regimens, baseline).
  noStudy: 'no study "{{code}}"',
  patientNotFound: 'patient {{id}} not found',
  notAfterToday: 'must not be after today ({{today}})',
  notBeforeToday: 'must not be before today ({{today}})',
  notBeforeEnrolment: 'must not be before enrolment ({{date}})',
  notAfterDeath: 'must not be after the death',
  withinTenYears: 'must be within the last ten years',
  withinYear: 'must be within a year',
  syntheticStudy: 'a synthetic demo cohort takes no real patients',
  referenceTaken: '{{reference}} is already a patient of this hospital',
  alreadyPatient: 'already a patient of this hospital',
  syntheticPatient: '{{reference}} is a synthetic demo patient: shown, never recorded for',
  petLimit: '{{reference}} has {{n}} PET scans, the most one patient takes',
  visitLimit: '{{reference}} has {{n}} visits, the most one patient takes',
  oneOf: 'one of {{codes}}',
  notHospitalOrder: 'not an order of this hospital',
  orderOfOtherProduct: 'an order of {{product}}, not of the tracer {{tracer}}',
  orderForOther: 'an order for {{other}}, not for {{reference}}',
  notMadeHere: '{{regimen}} is not made in this network, so its cycles cannot be ordered here',
  died: '{{reference}} died on {{date}}',
  activePlan: '{{reference}} already has an active therapy plan; stop it first',
  noActivePlan: '{{reference}} has no active therapy plan',
  needsPet: '{{regimen}} needs a {{marker}}-positive PET scan first (diagnose, then treat)',
  petNotPositive: 'the latest {{target}} PET scan ({{date}}) was not {{marker}}-positive',
  noReducedDose: '{{regimen}}: its source gives no reduced dose',
  notOneOfDoses: '{{regimen}}: {{bq}} Bq is not one of its doses ({{choices}} Bq)',
  weightNeeded: "{{regimen}} is dosed per kg: the patient's weight is needed",
  doseInProduction:
    "cycle {{cycle}}'s dose cannot change now: an order that is in_production cannot be cancelled",
  doseReleased:
    "cycle {{cycle}}'s dose cannot change now: an order that is released cannot be cancelled",
  doseDispatched:
    "cycle {{cycle}}'s dose cannot change now: an order that is dispatched cannot be cancelled",
  doseDelivered:
    "cycle {{cycle}}'s dose cannot change now: an order that is delivered cannot be cancelled",
  doseAdministered:
    "cycle {{cycle}}'s dose cannot change now: an order that is administered cannot be cancelled",
  orderChangedMeanwhile: "cycle {{cycle}}'s order changed meanwhile; try again",
  delayNeedsDays: 'a delay needs its days',
  changeNeedsReason: 'every change to a therapy plan needs a reason',
  cycleRange: 'must be 1–{{max}} for {{regimen}}',
  cycleGiven: 'cycle {{cycle}} was already given on {{date}}',
  delayRange: 'a delay is 1–{{max}} whole days (a longer pause is a stop)',
  noReducedDoseInSource: '{{regimen}} has no reduced dose in its source',
  notInPlan: 'cycle {{cycle}} is not in the plan (stopped before it)',
  notBaselineLesion: '{{lesion}} is not a baseline target lesion',
  measureEvery: 'measure every baseline target lesion ({{ids}})',
  physicianCannotOrder:
    'the physician who made the plan can no longer order; a physician must re-plan',
  orderWasCancelled: 'its order {{id}} was cancelled',
  orderWasRejected: 'its order {{id}} was rejected',
  atMostTargets: 'at most {{max}} target lesions (RECIST 1.1)',
  ownLesionId: 'each target lesion needs its own id',
  atMostPerOrgan: 'at most {{max}} target lesions in one organ ({{organ}} has {{n}})',
  nodeNotMeasurable:
    '{{lesion}} ({{mm}} mm) is not measurable; a target node needs a short axis of at least {{min}} mm',
  lesionNotMeasurable:
    '{{lesion}} ({{mm}} mm) is not measurable; a target lesion needs a longest diameter of at least {{min}} mm',
  delayWarning:
    'Cycle {{cycle}} is delayed {{days}} days, more than {{max}}: the label advises considering stopping.',
  // The pathway's request schemas (theranostics-schemas.ts) beyond the common messages.
  pseudonym: 'a pseudonymous reference: letters, digits, . _ - (at most 40), no names',
  expectedKilograms: 'expected kilograms',
  expectedNgMl: 'expected ng/mL',
  expectedMm: 'expected mm',
  ctcaeGrade: 'a CTCAE grade 1–5',
  cycleNumber: 'a cycle number',
  atMostDelayDays: 'at most {{max}} days (a longer pause is a stop)',
  atMostPerVisit: 'at most {{max}} per visit',
  // Cohorts (cohort-service.ts).
  studyNotFound: 'study {{code}} not found',
  studyTooLarge: 'study {{code}} has more than {{max}} patients',
  studyEmpty: 'study {{code}} has no patients yet',
  exportsForTeam: 'patient-level exports are for the study’s team',
  // The supply outlook (outlook-service.ts, outlook-figures.ts, outlook-supply.ts,
  // outlook-generators.ts, outlook-conversion.ts; strategy-schemas.ts).
  expectedSiteId: 'expected a site id',
  expectedPercentage: 'expected a percentage',
  expectedDosesAWeek: 'expected doses a week',
  atMostClaims: 'at most {{max}} claims',
  noProductOf: 'no product is made of {{nuclide}}',
  historyTooShort:
    '{{n}} week(s) of history for {{nuclide}}: at least {{min}} are needed to forecast. Demand shows only the known therapy cycles and the scenario; import a weekly history (POST /api/strategy/history) to forecast.',
  historyTooShortAt:
    '{{n}} week(s) of history for {{nuclide}} at {{site}}: at least {{min}} are needed to forecast. Demand shows only the known therapy cycles and the scenario; import a weekly history (POST /api/strategy/history) to forecast.',
  historyTooFar: 'the history ends {{offset}} weeks before the outlook: too far to forecast',
  historyWeeks:
    '{{n}} weeks of history ({{recorded}} from recorded orders, {{imported}} imported).',
  historyWeeksSynthetic:
    '{{n}} weeks of history ({{recorded}} from recorded orders, {{imported}} imported, {{synthetic}} synthetic demo weeks).',
  backTestUnavailable:
    '{{n}} week(s) of history: a back-test on {{holdout}} held-out weeks needs at least {{min}}.',
  backTestFitted: 'fitted on {{trained}} weeks, scored on the last {{holdout}}',
  siteShare:
    'Scheduled therapy cycles are not tied to a site: {{site}} is given {{share}}% of them, its share of the {{nuclide}} history of the last {{weeks}} weeks.',
  siteOrders:
    "A site's recorded orders are those a committed plan makes there; imported history names its site.",
  noRuns:
    '{{site}}, {{cyclotron}}: no synthesis module runs for {{nuclide}} products, so no runs are counted.',
  noGenerator:
    '{{site}}, {{generator}}: no generator in its shelf life from {{date}}; none is recorded or expected after it.',
  assumeUnit:
    'Unit: GBq of the nuclide a week, when it becomes available (a lot at receipt, a run at end of bombardment, an elution when eluted) against the activity needed at the start of synthesis.',
  assumeDose:
    "A dose needs its product's usual activity (a per-kg dose for a {{weight}} kg adult), decayed back over synthesis, QC and {{transit}} min of transit, divided by the radiochemical yield.",
  assumeForecast:
    'The forecast counts all demand; the scheduled therapy cycles are part of it, so the part not yet known is the forecast less the known cycles (at least zero).',
  assumeGrowth:
    'Scenario growth is linear in the weeks ahead (growthPct a year) on the part not yet known; extra doses a week are certain and take the history’s product mix.',
  assumeUncertainty:
    "Uncertainty: a delivery not yet received fails with probability {{lot}}; a generator's weekly yield spreads ±{{cv}}% (one sd); a cyclotron run fails with probability {{run}}; demand and supply independent normals.",
  assumeLot:
    'A lot counts once, in the week it arrives; stock carried over from an earlier week is not counted.',
  assumeWholeWeeks:
    'Only whole weeks count as history: the current week is left out until it ends.',
  lotsRecorded: '{{nuclide}} lots recorded',
  standingDelivery: '{{name}}: standing {{nuclide}} delivery',
  lotBasis:
    'Lots recorded for a coming day, decayed from their reference to their arrival; one not yet received fails to arrive with probability {{p}} (delivery risk, assumption).',
  contractBasis:
    "{{gbq}} GBq each {{days}} (the equipment's standing delivery) on days without a recorded lot; each delivery fails with probability {{p}} (assumption).",
  cyclotronBasisMeasured:
    "{{runs}} run(s) an open day (the synthesis modules' runs shared among {{cyclotrons}} cyclotron(s), at most what the opening hours hold at {{minutes}} min a bombardment), {{gbq}} GBq at EOB each (mean of {{measured}} run(s) measured in the last 90 days); a run fails with probability {{p}} (assumption).",
  cyclotronBasisCapacity:
    "{{runs}} run(s) an open day (the synthesis modules' runs shared among {{cyclotrons}} cyclotron(s), at most what the opening hours hold at {{minutes}} min a bombardment), {{gbq}} GBq at EOB each (the cyclotron’s capacity); a run fails with probability {{p}} (assumption).",
  generatorBasis:
    "{{type}} eluted every {{interval}} min in opening hours; weekly yield ±{{cv}}% (elution efficiency, one column: the week's elutions move together).",
  generatorBasisStanding:
    "{{type}} eluted every {{interval}} min in opening hours, a new generator each {{days}} (standing delivery, {{gbq}} GBq {{parent}}); weekly yield ±{{cv}}% (elution efficiency, one column: the week's elutions move together).",
  conversionUsual:
    '{{dose}} MBq (the usual dose) × {{factor}} (decay over {{minutes}} min: synthesis, QC, {{transit}} min transit) ÷ yield {{yield}}',
  conversionPerKg:
    '{{dose}} MBq ({{perKg}} MBq/kg × {{weight}} kg) × {{factor}} (decay over {{minutes}} min: synthesis, QC, {{transit}} min transit) ÷ yield {{yield}}',
  claimUnderWay: '{{product}}: therapy cycles under way',
  claimFirst: '{{product}}: first cycles scheduled',
  claimForecast: '{{product}}: forecast orders not yet known',
  claimExtra: 'Scenario: extra doses a week',
  // A proposal again (allocation-service.ts; @halflife/strategy allocation.ts).
  appearsTwice: '{{id}} appears twice',
  finiteNumber: 'must be a finite number ≥ 0, got {{value}}',
  quantityNotNegative: 'claims {{id}}: quantity must be ≥ 0, got {{value}}',
  noClaim: 'no claim {{id}}',
  adjustmentRange: 'adjustments {{id}}: must be 0–{{max}}, got {{value}}',
  adjustmentTooMuch: 'adjustments {{id}}: {{quantity}} is more than the {{left}} left to allocate',
  // Network design (design-service.ts, design-execution.ts, the design worker, the db's
  // design repository; @halflife/strategy design-schema.ts, reach.ts, solve-design.ts).
  noTemplate: "no template '{{key}}'",
  noDesign: 'no design scenario {{id}}',
  duplicateId: "duplicate id '{{id}}'",
  unknownSite: "unknown site '{{id}}'",
  unknownHospital: "unknown hospital '{{id}}'",
  unknownProduct: "unknown product '{{id}}'",
  unknownTechnology: "unknown technology '{{id}}'",
  canonicalNuclide: "expected the canonical name '{{name}}', got '{{given}}'",
  noCapacityFor: 'no capacity for {{nuclide}}, which {{product}} needs',
  noProductUses: "no product uses '{{nuclide}}'",
  expectedPositiveGot: 'expected a positive number, got {{got}}',
  expectedAtLeastGot: 'expected a number ≥ {{min}}, got {{got}}',
  expectedAboveGot: 'expected a number > {{min}}, got {{got}}',
  expectedAtMostGot: 'expected a number ≤ {{max}}, got {{got}}',
  expectedBelowGot: 'expected a number < {{max}}, got {{got}}',
  expectedNonEmptyString: 'expected a non-empty string, got ""',
  infeasible: 'no design meets every rule of the scenario (infeasible)',
  solverTimeLimit: 'the solver found no design within its time limit',
  solverDied:
    'the solver stopped {{n}} times without a result (a server process died while solving)',
  workerStopped: 'the worker {{worker}} stopped (exit code {{code}}) without a result',
  noPlanFound: 'no plan was found',
  supplyUsedUp: 'the {{nuclide}} the network can buy ({{gbq}} GBq a week) is used up',
  capacityFull: 'every site within reach has all the units it may have, and they are full',
  budgetSpent: 'the budget is spent on doses of higher priority or cheaper to serve',
  costsMore:
    'serving it costs more than leaving it unserved, or the capacity within reach is used up',
  noSiteMayMake: 'no site may make {{product}}',
  noLaneReaches:
    'no lane reaches it: the nearest site that can make {{product}} is {{km}} km away, beyond {{hours}} h by road, and no air hub that can make it flies there',
  nearestTooSlow:
    'the nearest site that can make {{product}}, {{site}}, needs {{needs}} h from the end of synthesis to calibration (QC, transport, preparation); its shelf life is {{shelf}} h',
  networkTemplate: 'The network as recorded',
  networkTemplateDescription:
    'The sites, hospitals and products in the records, with the weekly demand of the orders calibrated from {{from}} to {{to}}.',
  demoNetwork: 'Demo network (demo data)',
  demoNetworkDescription:
    'The demo network as it stands, with every other demo city and every hospital as a candidate: where would new units go?',
  closeSite: 'Close {{site}} (demo data)',
  closeSiteDescription: 'The demo network with {{site}} closed.',
  cyclotron30: 'One 30 MeV cyclotron in one of five cities (demo data)',
  cyclotron30Description:
    'The demo network plus at most one 30 MeV cyclotron, at a site in {{cities}}.',
  pb212Central: 'Pb-212 central (demo data)',
  pb212CentralDescription:
    'Pb-212 PSMA from the existing central plants only, shipped by road or air before it decays.',
  pb212Distributed: 'Pb-212 distributed (demo data)',
  pb212DistributedDescription:
    'Pb-212 PSMA from benchtop generators placed where they pay: at sites, in new cities or in the hospitals.',
  // Hospital interfaces (interfaces-service.ts, interface-schemas.ts, hl7-delivery.ts,
  // hl7/mllp-send.ts, the db's hl7 repository).
  noSuchHospital: 'no such hospital',
  noAccountWithEmail: "no account of this hospital's with that email",
  accountCannotOrder: 'this account cannot place its hospital’s orders',
  noHl7Delimiters: 'no HL7 delimiters (| ^ ~ \\ &) or line breaks',
  hostOrIp: 'a host name or an IP address',
  outboxNotFound: 'outbox entry {{id}} not found',
  outboxPending: 'outbox entry {{id}} is pending, not a dead letter',
  outboxSending: 'outbox entry {{id}} is sending, not a dead letter',
  outboxDelivered: 'outbox entry {{id}} is delivered, not a dead letter',
  dispensedNotOnRecord: 'the dispensed dose of this order is not on record',
  noEndpoint: 'facility "{{facility}}" has no endpoint (host and port) to send to',
  noAdministration: 'the dose has no administration on record',
  notAnAck: 'the answer is not an HL7 acknowledgement',
  ackOtherMessage: 'the acknowledgement answers message {{got}}, not {{expected}}',
  hospitalAnswered: "the hospital's system answered {{code}}: {{text}}",
  hospitalAnsweredNoReason: "the hospital's system answered {{code}}: no reason given",
  noAckWithin: 'no acknowledgement within {{seconds}} s',
  notMllpOutside: 'the answer is not MLLP: bytes outside an MLLP frame (expected <VT>)',
  notMllpTooLarge: 'the answer is not MLLP: a message larger than {{bytes}} bytes',
  connectionError: '{{endpoint}}: {{error}}',
  noAnswerRecorded: 'no answer recorded after {{n}} attempts (a sender stopped while sending)',
};

export const zh: Messages<typeof en> = {
  groupHighVolume: '高肿瘤负荷',
  groupLowVolume: '低肿瘤负荷',
  groupDeNovo: '初诊转移',
  groupRecurrent: '复发转移',
  groupPriorLu177: '既往 Lu-177 治疗',
  groupNoPriorLu177: '未接受过 Lu-177 治疗',
  noStudy: '没有研究“{{code}}”',
  patientNotFound: '未找到患者 {{id}}',
  notAfterToday: '不得晚于今天（{{today}}）',
  notBeforeToday: '不得早于今天（{{today}}）',
  notBeforeEnrolment: '不得早于入组日期（{{date}}）',
  notAfterDeath: '不得晚于死亡日期',
  withinTenYears: '必须在最近十年之内',
  withinYear: '必须在一年之内',
  syntheticStudy: '合成的演示队列不接收真实患者',
  referenceTaken: '{{reference}} 已是本医院的患者',
  alreadyPatient: '已是本医院的患者',
  syntheticPatient: '{{reference}} 是合成的演示患者：仅供展示，不可为其记录',
  petLimit: '{{reference}} 已有 {{n}} 次 PET 显像，已达单个患者的上限',
  visitLimit: '{{reference}} 已有 {{n}} 次随访，已达单个患者的上限',
  oneOf: '应为以下之一：{{codes}}',
  notHospitalOrder: '不是本医院的订单',
  orderOfOtherProduct: '该订单是 {{product}} 的，不是示踪剂 {{tracer}} 的',
  orderForOther: '该订单属于 {{other}}，不属于 {{reference}}',
  notMadeHere: '本网络不生产 {{regimen}}，因此无法在此为其周期下订单',
  died: '{{reference}} 已于 {{date}} 死亡',
  activePlan: '{{reference}} 已有进行中的治疗计划；请先停止该计划',
  noActivePlan: '{{reference}} 没有进行中的治疗计划',
  needsPet: '{{regimen}} 需要先有一次 {{marker}} 阳性的 PET 显像（先诊断，后治疗）',
  petNotPositive: '最近一次 {{target}} PET 显像（{{date}}）不是 {{marker}} 阳性',
  noReducedDose: '{{regimen}}：其来源未给出减量剂量',
  notOneOfDoses: '{{regimen}}：{{bq}} Bq 不是其可选剂量之一（{{choices}} Bq）',
  weightNeeded: '{{regimen}} 按体重给药：需要患者的体重',
  doseInProduction: '第 {{cycle}} 周期的剂量现在无法更改：生产中的订单不能取消',
  doseReleased: '第 {{cycle}} 周期的剂量现在无法更改：已放行的订单不能取消',
  doseDispatched: '第 {{cycle}} 周期的剂量现在无法更改：已发运的订单不能取消',
  doseDelivered: '第 {{cycle}} 周期的剂量现在无法更改：已送达的订单不能取消',
  doseAdministered: '第 {{cycle}} 周期的剂量现在无法更改：已给药的订单不能取消',
  orderChangedMeanwhile: '第 {{cycle}} 周期的订单在此期间已被更改；请重试',
  delayNeedsDays: '推迟需要填写天数',
  changeNeedsReason: '对治疗计划的每项更改都需要填写原因',
  cycleRange: '{{regimen}} 的周期必须为 1–{{max}}',
  cycleGiven: '第 {{cycle}} 周期已于 {{date}} 给药',
  delayRange: '推迟应为 1–{{max}} 整天（更长的暂停即为停止）',
  noReducedDoseInSource: '{{regimen}} 的来源中没有减量剂量',
  notInPlan: '第 {{cycle}} 周期不在计划中（计划已在此之前停止）',
  notBaselineLesion: '{{lesion}} 不是基线靶病灶',
  measureEvery: '请测量每个基线靶病灶（{{ids}}）',
  physicianCannotOrder: '制定该计划的医师已无法下订单；需由一名医师重新制定计划',
  orderWasCancelled: '其订单 {{id}} 已被取消',
  orderWasRejected: '其订单 {{id}} 已被拒绝',
  atMostTargets: '靶病灶最多 {{max}} 个（RECIST 1.1）',
  ownLesionId: '每个靶病灶都需要各自的编号',
  atMostPerOrgan: '同一器官的靶病灶最多 {{max}} 个（{{organ}} 有 {{n}} 个）',
  nodeNotMeasurable: '{{lesion}}（{{mm}} mm）不可测量；作为靶病灶的淋巴结短轴至少需 {{min}} mm',
  lesionNotMeasurable: '{{lesion}}（{{mm}} mm）不可测量；靶病灶的最长径至少需 {{min}} mm',
  delayWarning: '第 {{cycle}} 周期推迟了 {{days}} 天，超过 {{max}} 天：说明书建议考虑停止治疗。',
  pseudonym: '应为假名化编号：字母、数字及 . _ -（最多 40 个），不得含姓名',
  expectedKilograms: '应为千克数',
  expectedNgMl: '应为 ng/mL 数值',
  expectedMm: '应为毫米数',
  ctcaeGrade: '应为 CTCAE 分级 1–5',
  cycleNumber: '应为周期序号',
  atMostDelayDays: '最多 {{max}} 天（更长的暂停即为停止）',
  atMostPerVisit: '每次随访最多 {{max}} 项',
  studyNotFound: '未找到研究 {{code}}',
  studyTooLarge: '研究 {{code}} 的患者超过 {{max}} 名',
  studyEmpty: '研究 {{code}} 尚无患者',
  exportsForTeam: '患者级数据导出仅限该研究的团队',
  expectedSiteId: '应为场地编号',
  expectedPercentage: '应为百分比',
  expectedDosesAWeek: '应为每周剂量数',
  atMostClaims: '最多 {{max}} 项申领',
  noProductOf: '没有以 {{nuclide}} 制成的产品',
  historyTooShort:
    '{{nuclide}} 仅有 {{n}} 周的历史数据：预测至少需要 {{min}} 周。需求仅显示已知的治疗周期和情景；请导入每周历史数据（POST /api/strategy/history）以进行预测。',
  historyTooShortAt:
    '{{site}} 的 {{nuclide}} 仅有 {{n}} 周的历史数据：预测至少需要 {{min}} 周。需求仅显示已知的治疗周期和情景；请导入每周历史数据（POST /api/strategy/history）以进行预测。',
  historyTooFar: '历史数据在展望期之前 {{offset}} 周即已结束：相隔太远，无法预测',
  historyWeeks: '{{n}} 周的历史数据（{{recorded}} 周来自已记录的订单，{{imported}} 周为导入）。',
  historyWeeksSynthetic:
    '{{n}} 周的历史数据（{{recorded}} 周来自已记录的订单，{{imported}} 周为导入，{{synthetic}} 周为合成演示数据）。',
  backTestUnavailable: '{{n}} 周的历史数据：以 {{holdout}} 周留出数据进行回测至少需要 {{min}} 周。',
  backTestFitted: '以 {{trained}} 周数据拟合，以最后 {{holdout}} 周评分',
  siteShare:
    '已排定的治疗周期不与场地挂钩：{{site}} 分得其中的 {{share}}%，即其在最近 {{weeks}} 周 {{nuclide}} 历史数据中的份额。',
  siteOrders: '场地的已记录订单是已提交计划在该场地安排的订单；导入的历史数据注明了其场地。',
  noRuns: '{{site}}，{{cyclotron}}：没有合成模块运行 {{nuclide}} 产品，因此不计入任何生产批次。',
  noGenerator:
    '{{site}}，{{generator}}：自 {{date}} 起没有处于有效期内的发生器；此后既无记录也无预期到货。',
  assumeUnit:
    '单位：核素每周可供使用时的 GBq（一批同位素在接收时、一次生产在轰击结束时、一次淋洗在淋洗时），与合成开始时所需的活度相比。',
  assumeDose:
    '每剂需要其产品的常规活度（按体重给药的以 {{weight}} kg 成人计），按合成、质量控制及 {{transit}} 分钟运输的衰变回推，再除以放射化学产率。',
  assumeForecast:
    '预测计入全部需求；已排定的治疗周期是其中一部分，因此尚未知晓的部分为预测值减去已知周期（至少为零）。',
  assumeGrowth:
    '情景增长在未来各周内呈线性（每年 growthPct），作用于尚未知晓的部分；每周额外剂量是确定的，并按历史的产品构成分配。',
  assumeUncertainty:
    '不确定性：尚未接收的到货以 {{lot}} 的概率失败；发生器的每周产量波动 ±{{cv}}%（一个标准差）；回旋加速器的一次生产以 {{run}} 的概率失败；需求与供应为相互独立的正态分布。',
  assumeLot: '一批同位素只在其到货的那一周计入一次；此前各周结转的库存不计入。',
  assumeWholeWeeks: '只有完整的周才计为历史数据：当前周在结束前不计入。',
  lotsRecorded: '已记录的 {{nuclide}} 到货批',
  standingDelivery: '{{name}}：{{nuclide}} 固定到货',
  lotBasis:
    '为未来某日记录的到货批，按衰变从参考时间推算到到货时间；尚未接收的到货以 {{p}} 的概率未能到达（到货风险，假设）。',
  contractBasis:
    '每逢{{days}}到货 {{gbq}} GBq（该设备的固定到货），仅计没有已记录到货批的日子；每次到货以 {{p}} 的概率失败（假设）。',
  cyclotronBasisMeasured:
    '每个开放日 {{runs}} 次生产（合成模块的生产次数由 {{cyclotrons}} 台回旋加速器分担，且不超过开放时间按每次轰击 {{minutes}} 分钟所能容纳的次数），每次轰击结束时 {{gbq}} GBq（最近 90 天实测的 {{measured}} 次生产的平均值）；每次生产以 {{p}} 的概率失败（假设）。',
  cyclotronBasisCapacity:
    '每个开放日 {{runs}} 次生产（合成模块的生产次数由 {{cyclotrons}} 台回旋加速器分担，且不超过开放时间按每次轰击 {{minutes}} 分钟所能容纳的次数），每次轰击结束时 {{gbq}} GBq（该回旋加速器的产能）；每次生产以 {{p}} 的概率失败（假设）。',
  generatorBasis:
    '{{type}} 在开放时间内每 {{interval}} 分钟淋洗一次；每周产量 ±{{cv}}%（淋洗效率，同一柱：一周内的淋洗同步波动）。',
  generatorBasisStanding:
    '{{type}} 在开放时间内每 {{interval}} 分钟淋洗一次，每逢{{days}}更换新发生器（固定到货，{{gbq}} GBq {{parent}}）；每周产量 ±{{cv}}%（淋洗效率，同一柱：一周内的淋洗同步波动）。',
  conversionUsual:
    '{{dose}} MBq（常规剂量）× {{factor}}（{{minutes}} 分钟内的衰变：合成、质量控制、{{transit}} 分钟运输）÷ 产率 {{yield}}',
  conversionPerKg:
    '{{dose}} MBq（{{perKg}} MBq/kg × {{weight}} kg）× {{factor}}（{{minutes}} 分钟内的衰变：合成、质量控制、{{transit}} 分钟运输）÷ 产率 {{yield}}',
  claimUnderWay: '{{product}}：进行中的治疗周期',
  claimFirst: '{{product}}：已排定的首个周期',
  claimForecast: '{{product}}：预测中尚未知晓的订单',
  claimExtra: '情景：每周额外剂量',
  appearsTwice: '{{id}} 出现了两次',
  finiteNumber: '必须为 ≥ 0 的有限数，实际为 {{value}}',
  quantityNotNegative: '申领 {{id}}：数量必须 ≥ 0，实际为 {{value}}',
  noClaim: '没有申领 {{id}}',
  adjustmentRange: '调整 {{id}}：必须为 0–{{max}}，实际为 {{value}}',
  adjustmentTooMuch: '调整 {{id}}：{{quantity}} 超过了剩余可分配的 {{left}}',
  noTemplate: '没有模板“{{key}}”',
  noDesign: '没有网络设计情景 {{id}}',
  duplicateId: '编号“{{id}}”重复',
  unknownSite: '未知场地“{{id}}”',
  unknownHospital: '未知医院“{{id}}”',
  unknownProduct: '未知产品“{{id}}”',
  unknownTechnology: '未知技术“{{id}}”',
  canonicalNuclide: '应为规范名称“{{name}}”，实际为“{{given}}”',
  noCapacityFor: '没有 {{nuclide}} 的产能，而 {{product}} 需要它',
  noProductUses: '没有产品使用“{{nuclide}}”',
  expectedPositiveGot: '应为正数，实际为 {{got}}',
  expectedAtLeastGot: '应为 ≥ {{min}} 的数，实际为 {{got}}',
  expectedAboveGot: '应为 > {{min}} 的数，实际为 {{got}}',
  expectedAtMostGot: '应为 ≤ {{max}} 的数，实际为 {{got}}',
  expectedBelowGot: '应为 < {{max}} 的数，实际为 {{got}}',
  expectedNonEmptyString: '不得为空',
  infeasible: '没有任何设计能满足情景的全部规则（不可行）',
  solverTimeLimit: '求解器在时间限制内未找到设计',
  solverDied: '求解器已 {{n}} 次中止而无结果（求解期间服务器进程终止）',
  workerStopped: '工作线程 {{worker}} 已停止（退出码 {{code}}），没有结果',
  noPlanFound: '未找到方案',
  supplyUsedUp: '网络可采购的 {{nuclide}}（每周 {{gbq}} GBq）已用尽',
  capacityFull: '可达范围内的每个场地都已配齐允许的全部装置，且均已满负荷',
  budgetSpent: '预算已用于优先级更高或供应成本更低的剂量',
  costsMore: '供应它的成本高于不供应，或可达范围内的产能已用尽',
  noSiteMayMake: '没有场地可以生产 {{product}}',
  noLaneReaches:
    '没有线路可达：能生产 {{product}} 的最近场地相距 {{km}} km，超出公路 {{hours}} 小时的范围，且没有能生产它的航空枢纽可飞往该地',
  nearestTooSlow:
    '能生产 {{product}} 的最近场地 {{site}} 从合成结束到标定需要 {{needs}} 小时（质量控制、运输、准备）；其有效期为 {{shelf}} 小时',
  networkTemplate: '按记录的网络',
  networkTemplateDescription:
    '记录中的场地、医院和产品，每周需求取自标定时间在 {{from}} 至 {{to}} 之间的订单。',
  demoNetwork: '演示网络（演示数据）',
  demoNetworkDescription: '现有的演示网络，以其他所有演示城市和每家医院为候选：新装置应放在哪里？',
  closeSite: '关闭 {{site}}（演示数据）',
  closeSiteDescription: '关闭 {{site}} 后的演示网络。',
  cyclotron30: '在五个城市之一新增一台 30 MeV 回旋加速器（演示数据）',
  cyclotron30Description:
    '演示网络，另加至多一台 30 MeV 回旋加速器，设在以下城市之一的场地：{{cities}}。',
  pb212Central: 'Pb-212 集中生产（演示数据）',
  pb212CentralDescription: 'Pb-212 PSMA 仅由现有的中心工厂生产，在其衰变前经公路或航空运出。',
  pb212Distributed: 'Pb-212 分布式生产（演示数据）',
  pb212DistributedDescription:
    'Pb-212 PSMA 由台式发生器生产，放在划算的地方：场地、新城市或医院内。',
  noSuchHospital: '没有该医院',
  noAccountWithEmail: '该医院没有使用此邮箱的账户',
  accountCannotOrder: '此账户不能为其医院下订单',
  noHl7Delimiters: '不得包含 HL7 分隔符（| ^ ~ \\ &）或换行',
  hostOrIp: '应为主机名或 IP 地址',
  outboxNotFound: '未找到发件箱条目 {{id}}',
  outboxPending: '发件箱条目 {{id}} 正在等待发送，不是死信',
  outboxSending: '发件箱条目 {{id}} 正在发送，不是死信',
  outboxDelivered: '发件箱条目 {{id}} 已送达，不是死信',
  dispensedNotOnRecord: '该订单已分装的剂量没有记录',
  noEndpoint: '机构“{{facility}}”没有可发送的端点（主机和端口）',
  noAdministration: '该剂量没有给药记录',
  notAnAck: '对方的应答不是 HL7 确认消息',
  ackOtherMessage: '确认消息应答的是消息 {{got}}，而不是 {{expected}}',
  hospitalAnswered: '医院系统应答 {{code}}：{{text}}',
  hospitalAnsweredNoReason: '医院系统应答 {{code}}：未说明原因',
  noAckWithin: '{{seconds}} 秒内未收到确认消息',
  notMllpOutside: '对方的应答不是 MLLP：有字节位于 MLLP 帧之外（应以 <VT> 开始）',
  notMllpTooLarge: '对方的应答不是 MLLP：消息大于 {{bytes}} 字节',
  connectionError: '连接 {{endpoint}} 出错：{{error}}',
  noAnswerRecorded: '{{n}} 次尝试后仍无应答记录（发送方在发送过程中停止）',
};

const REF = '(?<reference>[A-Za-z0-9][A-Za-z0-9._-]{0,39})';
const DATE = '\\d{4}-\\d\\d-\\d\\d';
const NUM = '-?[\\d.,]+(?:e[+-]?\\d+)?';
const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DAYS = `(?<days>${DAY}(?: and ${DAY})*)`;
const re = (source: string) => new RegExp(`^${source}$`);
const cannotCancel = (status: string) =>
  re(
    `cycle (?<cycle>\\d+)'s dose cannot change now: an order that is ${status} cannot be cancelled`,
  );
const historyTooShort = (at: string) =>
  re(
    `(?<n>\\d+) week\\(s\\) of history for (?<nuclide>\\S+)${at}: at least (?<min>\\d+) are ` +
      'needed to forecast\\. Demand shows only the known therapy cycles and the scenario; import ' +
      'a weekly history \\(POST /api/strategy/history\\) to forecast\\.',
  );
const cyclotronBasis = (source: string) =>
  re(
    `(?<runs>${NUM}) run\\(s\\) an open day \\(the synthesis modules' runs shared among ` +
      '(?<cyclotrons>\\d+) cyclotron\\(s\\), at most what the opening hours hold at ' +
      `(?<minutes>${NUM}) min a bombardment\\), (?<gbq>${NUM}) GBq at EOB each \\(${source}\\); ` +
      `a run fails with probability (?<p>${NUM}) \\(assumption\\)\\.`,
  );
const generatorBasis = (standing: string) =>
  re(
    `(?<type>\\S+) eluted every (?<interval>\\d+) min in opening hours${standing}; weekly yield ` +
      `±(?<cv>${NUM})% \\(elution efficiency, one column: the week's elutions move together\\)\\.`,
  );
const conversion = (dose: string) =>
  re(
    `(?<dose>${NUM}) MBq \\(${dose}\\) × (?<factor>${NUM}) \\(decay over (?<minutes>\\d+) min: ` +
      `synthesis, QC, (?<transit>\\d+) min transit\\) ÷ yield (?<yield>${NUM})`,
  );
const outboxIs = (status: string) =>
  re(`outbox entry (?<id>[\\w-]+) is ${status}, not a dead letter`);

export const patterns: Patterns<typeof en> = {
  groupHighVolume: /^high volume$/,
  groupLowVolume: /^low volume$/,
  groupDeNovo: /^de novo$/,
  groupRecurrent: /^recurrent$/,
  groupPriorLu177: /^prior Lu-177$/,
  groupNoPriorLu177: /^no prior Lu-177$/,
  noStudy: /^no study "(?<code>[^"]+)"$/,
  patientNotFound: /^patient (?<id>[\w-]+) not found$/,
  notAfterToday: re(`must not be after today \\((?<today>${DATE})\\)`),
  notBeforeToday: re(`must not be before today \\((?<today>${DATE})\\)`),
  notBeforeEnrolment: re(`must not be before enrolment \\((?<date>${DATE})\\)`),
  notAfterDeath: /^must not be after the death$/,
  withinTenYears: /^must be within the last ten years$/,
  withinYear: /^must be within a year$/,
  syntheticStudy: /^a synthetic demo cohort takes no real patients$/,
  referenceTaken: re(`${REF} is already a patient of this hospital`),
  alreadyPatient: /^already a patient of this hospital$/,
  syntheticPatient: re(`${REF} is a synthetic demo patient: shown, never recorded for`),
  petLimit: re(`${REF} has (?<n>\\d+) PET scans, the most one patient takes`),
  visitLimit: re(`${REF} has (?<n>\\d+) visits, the most one patient takes`),
  oneOf: /^one of (?<codes>[\w.-]+(?:, [\w.-]+)*)$/,
  notHospitalOrder: /^not an order of this hospital$/,
  orderOfOtherProduct: /^an order of (?<product>\S+), not of the tracer (?<tracer>\S+)$/,
  orderForOther: re(`an order for (?<other>\\S+), not for ${REF}`),
  notMadeHere: /^(?<regimen>.+) is not made in this network, so its cycles cannot be ordered here$/,
  died: re(`${REF} died on (?<date>${DATE})`),
  activePlan: re(`${REF} already has an active therapy plan; stop it first`),
  noActivePlan: re(`${REF} has no active therapy plan`),
  needsPet:
    /^(?<regimen>.+) needs a (?<marker>\S+)-positive PET scan first \(diagnose, then treat\)$/,
  petNotPositive: re(
    `the latest (?<target>\\S+) PET scan \\((?<date>${DATE})\\) was not (?<marker>\\S+)-positive`,
  ),
  noReducedDose: /^(?<regimen>.+): its source gives no reduced dose$/,
  notOneOfDoses:
    /^(?<regimen>.+): (?<bq>[\d.e+-]+) Bq is not one of its doses \((?<choices>[\d.e+, -]*) Bq\)$/,
  weightNeeded: /^(?<regimen>.+) is dosed per kg: the patient's weight is needed$/,
  doseInProduction: cannotCancel('in_production'),
  doseReleased: cannotCancel('released'),
  doseDispatched: cannotCancel('dispatched'),
  doseDelivered: cannotCancel('delivered'),
  doseAdministered: cannotCancel('administered'),
  orderChangedMeanwhile: /^cycle (?<cycle>\d+)'s order changed meanwhile; try again$/,
  delayNeedsDays: /^a delay needs its days$/,
  changeNeedsReason: /^every change to a therapy plan needs a reason$/,
  cycleRange: /^must be 1–(?<max>\d+) for (?<regimen>.+)$/,
  cycleGiven: re(`cycle (?<cycle>\\d+) was already given on (?<date>${DATE})`),
  delayRange: /^a delay is 1–(?<max>\d+) whole days \(a longer pause is a stop\)$/,
  noReducedDoseInSource: /^(?<regimen>.+) has no reduced dose in its source$/,
  notInPlan: /^cycle (?<cycle>\d+) is not in the plan \(stopped before it\)$/,
  notBaselineLesion: /^(?<lesion>.+) is not a baseline target lesion$/,
  measureEvery: /^measure every baseline target lesion \((?<ids>.*)\)$/,
  physicianCannotOrder:
    /^the physician who made the plan can no longer order; a physician must re-plan$/,
  orderWasCancelled: /^its order (?<id>[\w-]+) was cancelled$/,
  orderWasRejected: /^its order (?<id>[\w-]+) was rejected$/,
  atMostTargets: /^at most (?<max>\d+) target lesions \(RECIST 1\.1\)$/,
  ownLesionId: /^each target lesion needs its own id$/,
  atMostPerOrgan:
    /^at most (?<max>\d+) target lesions in one organ \((?<organ>.+) has (?<n>\d+)\)$/,
  nodeNotMeasurable:
    /^(?<lesion>.+) \((?<mm>[\d.]+) mm\) is not measurable; a target node needs a short axis of at least (?<min>[\d.]+) mm$/,
  lesionNotMeasurable:
    /^(?<lesion>.+) \((?<mm>[\d.]+) mm\) is not measurable; a target lesion needs a longest diameter of at least (?<min>[\d.]+) mm$/,
  delayWarning:
    /^Cycle (?<cycle>\d+) is delayed (?<days>\d+) days, more than (?<max>\d+): the label advises considering stopping\.$/,
  pseudonym: /^a pseudonymous reference: letters, digits, \. _ - \(at most 40\), no names$/,
  expectedKilograms: /^expected kilograms$/,
  expectedNgMl: /^expected ng\/mL$/,
  expectedMm: /^expected mm$/,
  ctcaeGrade: /^a CTCAE grade 1–5$/,
  cycleNumber: /^a cycle number$/,
  atMostDelayDays: /^at most (?<max>\d+) days \(a longer pause is a stop\)$/,
  atMostPerVisit: /^at most (?<max>\d+) per visit$/,
  studyNotFound: /^study (?<code>\S+) not found$/,
  studyTooLarge: /^study (?<code>\S+) has more than (?<max>\d+) patients$/,
  studyEmpty: /^study (?<code>\S+) has no patients yet$/,
  exportsForTeam: /^patient-level exports are for the study’s team$/,
  expectedSiteId: /^expected a site id$/,
  expectedPercentage: /^expected a percentage$/,
  expectedDosesAWeek: /^expected doses a week$/,
  atMostClaims: /^at most (?<max>\d+) claims$/,
  noProductOf: /^no product is made of (?<nuclide>\S+)$/,
  historyTooShort: historyTooShort(''),
  historyTooShortAt: historyTooShort(' at (?<site>.+)'),
  historyTooFar:
    /^the history ends (?<offset>-?\d+) weeks before the outlook: too far to forecast$/,
  historyWeeks:
    /^(?<n>\d+) weeks of history \((?<recorded>\d+) from recorded orders, (?<imported>\d+) imported\)\.$/,
  historyWeeksSynthetic:
    /^(?<n>\d+) weeks of history \((?<recorded>\d+) from recorded orders, (?<imported>\d+) imported, (?<synthetic>\d+) synthetic demo weeks\)\.$/,
  backTestUnavailable:
    /^(?<n>\d+) week\(s\) of history: a back-test on (?<holdout>\d+) held-out weeks needs at least (?<min>\d+)\.$/,
  backTestFitted: /^fitted on (?<trained>\d+) weeks, scored on the last (?<holdout>\d+)$/,
  siteShare: re(
    'Scheduled therapy cycles are not tied to a site: (?<site>.+) is given ' +
      `(?<share>${NUM})% of them, its share of the (?<nuclide>\\S+) history of the last ` +
      '(?<weeks>\\d+) weeks\\.',
  ),
  siteOrders:
    /^A site's recorded orders are those a committed plan makes there; imported history names its site\.$/,
  noRuns:
    /^(?<site>.+?), (?<cyclotron>.+): no synthesis module runs for (?<nuclide>\S+) products, so no runs are counted\.$/,
  noGenerator: re(
    `(?<site>.+?), (?<generator>.+): no generator in its shelf life from (?<date>${DATE}); ` +
      'none is recorded or expected after it\\.',
  ),
  assumeUnit:
    /^Unit: GBq of the nuclide a week, when it becomes available \(a lot at receipt, a run at end of bombardment, an elution when eluted\) against the activity needed at the start of synthesis\.$/,
  assumeDose:
    /^A dose needs its product's usual activity \(a per-kg dose for a (?<weight>[\d.]+) kg adult\), decayed back over synthesis, QC and (?<transit>\d+) min of transit, divided by the radiochemical yield\.$/,
  assumeForecast:
    /^The forecast counts all demand; the scheduled therapy cycles are part of it, so the part not yet known is the forecast less the known cycles \(at least zero\)\.$/,
  assumeGrowth:
    /^Scenario growth is linear in the weeks ahead \(growthPct a year\) on the part not yet known; extra doses a week are certain and take the history’s product mix\.$/,
  assumeUncertainty: re(
    `Uncertainty: a delivery not yet received fails with probability (?<lot>${NUM}); a ` +
      `generator's weekly yield spreads ±(?<cv>${NUM})% \\(one sd\\); a cyclotron run fails ` +
      `with probability (?<run>${NUM}); demand and supply independent normals\\.`,
  ),
  assumeLot:
    /^A lot counts once, in the week it arrives; stock carried over from an earlier week is not counted\.$/,
  assumeWholeWeeks:
    /^Only whole weeks count as history: the current week is left out until it ends\.$/,
  lotsRecorded: /^(?<nuclide>\S+) lots recorded$/,
  standingDelivery: /^(?<name>.+): standing (?<nuclide>\S+) delivery$/,
  lotBasis: re(
    'Lots recorded for a coming day, decayed from their reference to their arrival; one not ' +
      `yet received fails to arrive with probability (?<p>${NUM}) \\(delivery risk, assumption\\)\\.`,
  ),
  contractBasis: re(
    `(?<gbq>${NUM}) GBq each ${DAYS} \\(the equipment's standing delivery\\) on days without ` +
      `a recorded lot; each delivery fails with probability (?<p>${NUM}) \\(assumption\\)\\.`,
  ),
  cyclotronBasisMeasured: cyclotronBasis(
    'mean of (?<measured>\\d+) run\\(s\\) measured in the last 90 days',
  ),
  cyclotronBasisCapacity: cyclotronBasis('the cyclotron’s capacity'),
  generatorBasis: generatorBasis(''),
  generatorBasisStanding: generatorBasis(
    `, a new generator each ${DAYS} \\(standing delivery, (?<gbq>${NUM}) GBq (?<parent>\\S+)\\)`,
  ),
  conversionUsual: conversion('the usual dose'),
  conversionPerKg: conversion(`(?<perKg>${NUM}) MBq/kg × (?<weight>[\\d.]+) kg`),
  claimUnderWay: /^(?<product>\S+): therapy cycles under way$/,
  claimFirst: /^(?<product>\S+): first cycles scheduled$/,
  claimForecast: /^(?<product>\S+): forecast orders not yet known$/,
  claimExtra: /^Scenario: extra doses a week$/,
  appearsTwice: /^(?<id>\S+) appears twice$/,
  finiteNumber: /^must be a finite number ≥ 0, got (?<value>\S+)$/,
  quantityNotNegative: /^claims (?<id>\S+): quantity must be ≥ 0, got (?<value>\S+)$/,
  noClaim: /^no claim (?<id>\S+)$/,
  adjustmentRange: /^adjustments (?<id>\S+): must be 0–(?<max>\S+), got (?<value>\S+)$/,
  adjustmentTooMuch:
    /^adjustments (?<id>\S+): (?<quantity>\S+) is more than the (?<left>\S+) left to allocate$/,
  noTemplate: /^no template '(?<key>[^']*)'$/,
  noDesign: /^no design scenario (?<id>\S+)$/,
  duplicateId: /^duplicate id '(?<id>[^']*)'$/,
  unknownSite: /^unknown site '(?<id>[^']*)'$/,
  unknownHospital: /^unknown hospital '(?<id>[^']*)'$/,
  unknownProduct: /^unknown product '(?<id>[^']*)'$/,
  unknownTechnology: /^unknown technology '(?<id>[^']*)'$/,
  canonicalNuclide: /^expected the canonical name '(?<name>[^']*)', got '(?<given>[^']*)'$/,
  noCapacityFor: /^no capacity for (?<nuclide>\S+), which (?<product>\S+) needs$/,
  noProductUses: /^no product uses '(?<nuclide>[^']*)'$/,
  expectedPositiveGot: re(`expected a positive number, got (?<got>${NUM})`),
  expectedAtLeastGot: re(`expected a number ≥ (?<min>${NUM}), got (?<got>${NUM})`),
  expectedAboveGot: re(`expected a number > (?<min>${NUM}), got (?<got>${NUM})`),
  expectedAtMostGot: re(`expected a number ≤ (?<max>${NUM}), got (?<got>${NUM})`),
  expectedBelowGot: re(`expected a number < (?<max>${NUM}), got (?<got>${NUM})`),
  expectedNonEmptyString: /^expected a non-empty string, got ""$/,
  infeasible: /^no design meets every rule of the scenario \(infeasible\)$/,
  solverTimeLimit: /^the solver found no design within its time limit$/,
  solverDied:
    /^the solver stopped (?<n>\d+) times without a result \(a server process died while solving\)$/,
  workerStopped: /^the worker (?<worker>\S+) stopped \(exit code (?<code>\S+)\) without a result$/,
  noPlanFound: /^no plan was found$/,
  supplyUsedUp: re(
    `the (?<nuclide>\\S+) the network can buy \\((?<gbq>${NUM}) GBq a week\\) is used up`,
  ),
  capacityFull: /^every site within reach has all the units it may have, and they are full$/,
  budgetSpent: /^the budget is spent on doses of higher priority or cheaper to serve$/,
  costsMore:
    /^serving it costs more than leaving it unserved, or the capacity within reach is used up$/,
  noSiteMayMake: /^no site may make (?<product>.+)$/,
  noLaneReaches:
    /^no lane reaches it: the nearest site that can make (?<product>.+) is (?<km>\d+) km away, beyond (?<hours>[\d.]+) h by road, and no air hub that can make it flies there$/,
  nearestTooSlow:
    /^the nearest site that can make (?<product>.+?), (?<site>.+), needs (?<needs>[\d.]+) h from the end of synthesis to calibration \(QC, transport, preparation\); its shelf life is (?<shelf>[\d.]+) h$/,
  networkTemplate: /^The network as recorded$/,
  networkTemplateDescription: re(
    'The sites, hospitals and products in the records, with the weekly demand of the orders ' +
      `calibrated from (?<from>${DATE}) to (?<to>${DATE})\\.`,
  ),
  demoNetwork: /^Demo network \(demo data\)$/,
  demoNetworkDescription:
    /^The demo network as it stands, with every other demo city and every hospital as a candidate: where would new units go\?$/,
  closeSite: /^Close (?<site>\S+) \(demo data\)$/,
  closeSiteDescription: /^The demo network with (?<site>\S+) closed\.$/,
  cyclotron30: /^One 30 MeV cyclotron in one of five cities \(demo data\)$/,
  cyclotron30Description:
    /^The demo network plus at most one 30 MeV cyclotron, at a site in (?<cities>.+)\.$/,
  pb212Central: /^Pb-212 central \(demo data\)$/,
  pb212CentralDescription:
    /^Pb-212 PSMA from the existing central plants only, shipped by road or air before it decays\.$/,
  pb212Distributed: /^Pb-212 distributed \(demo data\)$/,
  pb212DistributedDescription:
    /^Pb-212 PSMA from benchtop generators placed where they pay: at sites, in new cities or in the hospitals\.$/,
  noSuchHospital: /^no such hospital$/,
  noAccountWithEmail: /^no account of this hospital's with that email$/,
  accountCannotOrder: /^this account cannot place its hospital’s orders$/,
  noHl7Delimiters: /^no HL7 delimiters \(\| \^ ~ \\ &\) or line breaks$/,
  hostOrIp: /^a host name or an IP address$/,
  outboxNotFound: /^outbox entry (?<id>[\w-]+) not found$/,
  outboxPending: outboxIs('pending'),
  outboxSending: outboxIs('sending'),
  outboxDelivered: outboxIs('delivered'),
  dispensedNotOnRecord: /^the dispensed dose of this order is not on record$/,
  noEndpoint: /^facility "(?<facility>[^"]*)" has no endpoint \(host and port\) to send to$/,
  noAdministration: /^the dose has no administration on record$/,
  notAnAck: /^the answer is not an HL7 acknowledgement$/,
  ackOtherMessage: /^the acknowledgement answers message (?<got>\S*), not (?<expected>\S+)$/,
  hospitalAnsweredNoReason: /^the hospital's system answered (?<code>\w+): no reason given$/,
  hospitalAnswered: /^the hospital's system answered (?<code>\w+): (?<text>.+)$/,
  noAckWithin: /^no acknowledgement within (?<seconds>[\d.]+) s$/,
  notMllpOutside: /^the answer is not MLLP: bytes outside an MLLP frame \(expected <VT>\)$/,
  notMllpTooLarge: /^the answer is not MLLP: a message larger than (?<bytes>\d+) bytes$/,
  connectionError: /^(?<endpoint>[A-Za-z0-9.-]+:\d+): (?<error>.+)$/,
  noAnswerRecorded:
    /^no answer recorded after (?<n>\d+) attempts \(a sender stopped while sending\)$/,
};

const PLUVICTO = 'Pluvicto (Lu-177 vipivotide tetraxetan, PSMA-617)';

export const samples: Samples<typeof en> = {
  groupHighVolume: ['high volume'],
  groupLowVolume: ['low volume'],
  groupDeNovo: ['de novo'],
  groupRecurrent: ['recurrent'],
  groupPriorLu177: ['prior Lu-177'],
  groupNoPriorLu177: ['no prior Lu-177'],
  noStudy: ['no study "VISION-CN"'],
  patientNotFound: ['patient 5b1f0c8e-2a3d-4c1b-9e7a-1f2d3c4b5a69 not found'],
  notAfterToday: ['must not be after today (2026-11-24)'],
  notBeforeToday: ['must not be before today (2026-11-24)'],
  notBeforeEnrolment: ['must not be before enrolment (2026-03-02)'],
  notAfterDeath: ['must not be after the death'],
  withinTenYears: ['must be within the last ten years'],
  withinYear: ['must be within a year'],
  syntheticStudy: ['a synthetic demo cohort takes no real patients'],
  referenceTaken: ['PT-0042 is already a patient of this hospital'],
  alreadyPatient: ['already a patient of this hospital'],
  syntheticPatient: ['SYN-017 is a synthetic demo patient: shown, never recorded for'],
  petLimit: ['PT-0042 has 50 PET scans, the most one patient takes'],
  visitLimit: ['PT-0042 has 520 visits, the most one patient takes'],
  oneOf: ['one of PSMA-GA68, PSMA-F18, SSTR-GA68', 'one of PLUVICTO, LUTATHERA, AC225-PSMA-KG'],
  notHospitalOrder: ['not an order of this hospital'],
  orderOfOtherProduct: ['an order of F18-FDG, not of the tracer PSMA-GA68'],
  orderForOther: ['an order for PT-0043, not for PT-0042'],
  notMadeHere: [
    'XTR022 (Ac-225-XT381, PSMA) is not made in this network, so its cycles cannot be ordered here',
  ],
  died: ['PT-0042 died on 2026-10-01'],
  activePlan: ['PT-0042 already has an active therapy plan; stop it first'],
  noActivePlan: ['PT-0042 has no active therapy plan'],
  needsPet: [`${PLUVICTO} needs a PSMA-positive PET scan first (diagnose, then treat)`],
  petNotPositive: ['the latest SSTR2 PET scan (2026-11-02) was not SSTR-positive'],
  noReducedDose: ['Lutathera (Lu-177 DOTATATE, oxodotreotide): its source gives no reduced dose'],
  notOneOfDoses: [
    'Ac-225 PSMA-617, fixed activity (AcTION): 7000000 Bq is not one of its doses (4000000, 6000000, 8000000, 10000000 Bq)',
  ],
  weightNeeded: ["Ac-225 PSMA-617, by weight is dosed per kg: the patient's weight is needed"],
  doseInProduction: [
    "cycle 2's dose cannot change now: an order that is in_production cannot be cancelled",
  ],
  doseReleased: ["cycle 2's dose cannot change now: an order that is released cannot be cancelled"],
  doseDispatched: [
    "cycle 2's dose cannot change now: an order that is dispatched cannot be cancelled",
  ],
  doseDelivered: [
    "cycle 2's dose cannot change now: an order that is delivered cannot be cancelled",
  ],
  doseAdministered: [
    "cycle 2's dose cannot change now: an order that is administered cannot be cancelled",
  ],
  orderChangedMeanwhile: ["cycle 3's order changed meanwhile; try again"],
  delayNeedsDays: ['a delay needs its days'],
  changeNeedsReason: ['every change to a therapy plan needs a reason'],
  cycleRange: [`must be 1–6 for ${PLUVICTO}`],
  cycleGiven: ['cycle 1 was already given on 2026-09-14'],
  delayRange: ['a delay is 1–84 whole days (a longer pause is a stop)'],
  noReducedDoseInSource: [
    'Lutathera (Lu-177 DOTATATE, oxodotreotide) has no reduced dose in its source',
  ],
  notInPlan: ['cycle 5 is not in the plan (stopped before it)'],
  notBaselineLesion: ['L4 is not a baseline target lesion'],
  measureEvery: ['measure every baseline target lesion (L1, L2, L3)'],
  physicianCannotOrder: [
    'the physician who made the plan can no longer order; a physician must re-plan',
  ],
  orderWasCancelled: ['its order 0f3c2b1a-9d8e-4c7b-a6f5-e4d3c2b1a098 was cancelled'],
  orderWasRejected: ['its order 0f3c2b1a-9d8e-4c7b-a6f5-e4d3c2b1a098 was rejected'],
  atMostTargets: ['at most 5 target lesions (RECIST 1.1)'],
  ownLesionId: ['each target lesion needs its own id'],
  atMostPerOrgan: ['at most 2 target lesions in one organ (liver has 3)'],
  nodeNotMeasurable: [
    'N1 (12 mm) is not measurable; a target node needs a short axis of at least 15 mm',
  ],
  lesionNotMeasurable: [
    'L2 (8 mm) is not measurable; a target lesion needs a longest diameter of at least 10 mm',
  ],
  delayWarning: [
    'Cycle 3 is delayed 35 days, more than 28: the label advises considering stopping.',
  ],
  pseudonym: ['a pseudonymous reference: letters, digits, . _ - (at most 40), no names'],
  expectedKilograms: ['expected kilograms'],
  expectedNgMl: ['expected ng/mL'],
  expectedMm: ['expected mm'],
  ctcaeGrade: ['a CTCAE grade 1–5'],
  cycleNumber: ['a cycle number'],
  atMostDelayDays: ['at most 84 days (a longer pause is a stop)'],
  atMostPerVisit: ['at most 20 per visit'],
  studyNotFound: ['study VISION-CN not found'],
  studyTooLarge: ['study VISION-CN has more than 20000 patients'],
  studyEmpty: ['study VISION-CN has no patients yet'],
  exportsForTeam: ['patient-level exports are for the study’s team'],
  expectedSiteId: ['expected a site id'],
  expectedPercentage: ['expected a percentage'],
  expectedDosesAWeek: ['expected doses a week'],
  atMostClaims: ['at most 500 claims'],
  noProductOf: ['no product is made of Tb-161'],
  historyTooShort: [
    '3 week(s) of history for Lu-177: at least 8 are needed to forecast. Demand shows only the known therapy cycles and the scenario; import a weekly history (POST /api/strategy/history) to forecast.',
  ],
  historyTooShortAt: [
    '3 week(s) of history for Ga-68 at Demo Guangzhou Radiopharmacy (demo): at least 8 are needed to forecast. Demand shows only the known therapy cycles and the scenario; import a weekly history (POST /api/strategy/history) to forecast.',
  ],
  historyTooFar: ['the history ends 600 weeks before the outlook: too far to forecast'],
  historyWeeks: ['104 weeks of history (12 from recorded orders, 92 imported).'],
  historyWeeksSynthetic: [
    '104 weeks of history (0 from recorded orders, 0 imported, 104 synthetic demo weeks).',
  ],
  backTestUnavailable: [
    '12 week(s) of history: a back-test on 8 held-out weeks needs at least 16.',
  ],
  backTestFitted: ['fitted on 96 weeks, scored on the last 8'],
  siteShare: [
    'Scheduled therapy cycles are not tied to a site: Demo Guangzhou Radiopharmacy (demo) is given 37.5% of them, its share of the Lu-177 history of the last 26 weeks.',
  ],
  siteOrders: [
    "A site's recorded orders are those a committed plan makes there; imported history names its site.",
  ],
  noRuns: [
    'Demo Beijing Cyclotron Centre (demo), Cyclotron 1: no synthesis module runs for F-18 products, so no runs are counted.',
  ],
  noGenerator: [
    'Demo Shanghai Radiopharmacy (demo), Ga-68 generator: no generator in its shelf life from 2026-12-14; none is recorded or expected after it.',
  ],
  assumeUnit: [
    'Unit: GBq of the nuclide a week, when it becomes available (a lot at receipt, a run at end of bombardment, an elution when eluted) against the activity needed at the start of synthesis.',
  ],
  assumeDose: [
    "A dose needs its product's usual activity (a per-kg dose for a 70 kg adult), decayed back over synthesis, QC and 120 min of transit, divided by the radiochemical yield.",
  ],
  assumeForecast: [
    'The forecast counts all demand; the scheduled therapy cycles are part of it, so the part not yet known is the forecast less the known cycles (at least zero).',
  ],
  assumeGrowth: [
    'Scenario growth is linear in the weeks ahead (growthPct a year) on the part not yet known; extra doses a week are certain and take the history’s product mix.',
  ],
  assumeUncertainty: [
    "Uncertainty: a delivery not yet received fails with probability 0.05; a generator's weekly yield spreads ±10% (one sd); a cyclotron run fails with probability 0.03; demand and supply independent normals.",
  ],
  assumeLot: [
    'A lot counts once, in the week it arrives; stock carried over from an earlier week is not counted.',
  ],
  assumeWholeWeeks: [
    'Only whole weeks count as history: the current week is left out until it ends.',
  ],
  lotsRecorded: ['Lu-177 lots recorded'],
  standingDelivery: ['Therapy hot cell: standing Lu-177 delivery'],
  lotBasis: [
    'Lots recorded for a coming day, decayed from their reference to their arrival; one not yet received fails to arrive with probability 0.05 (delivery risk, assumption).',
  ],
  contractBasis: [
    "74.0 GBq each Monday and Thursday (the equipment's standing delivery) on days without a recorded lot; each delivery fails with probability 0.05 (assumption).",
  ],
  cyclotronBasisMeasured: [
    "3 run(s) an open day (the synthesis modules' runs shared among 1 cyclotron(s), at most what the opening hours hold at 90 min a bombardment), 185 GBq at EOB each (mean of 12 run(s) measured in the last 90 days); a run fails with probability 0.03 (assumption).",
  ],
  cyclotronBasisCapacity: [
    "1.5 run(s) an open day (the synthesis modules' runs shared among 2 cyclotron(s), at most what the opening hours hold at 90 min a bombardment), 1.11e+3 GBq at EOB each (the cyclotron’s capacity); a run fails with probability 0.03 (assumption).",
  ],
  generatorBasis: [
    "Ge-68/Ga-68 eluted every 240 min in opening hours; weekly yield ±10% (elution efficiency, one column: the week's elutions move together).",
  ],
  generatorBasisStanding: [
    "Mo-99/Tc-99m eluted every 1440 min in opening hours, a new generator each Monday (standing delivery, 37.0 GBq Mo-99); weekly yield ±10% (elution efficiency, one column: the week's elutions move together).",
  ],
  conversionUsual: [
    '7400 MBq (the usual dose) × 1.021 (decay over 230 min: synthesis, QC, 120 min transit) ÷ yield 0.95',
  ],
  conversionPerKg: [
    '259.0 MBq (3.70 MBq/kg × 70 kg) × 2.179 (decay over 205 min: synthesis, QC, 120 min transit) ÷ yield 0.6',
  ],
  claimUnderWay: ['LU177-PSMA: therapy cycles under way'],
  claimFirst: ['LU177-PSMA: first cycles scheduled'],
  claimForecast: ['GA68-PSMA: forecast orders not yet known'],
  claimExtra: ['Scenario: extra doses a week'],
  appearsTwice: ['cycles-under-way:LU177-PSMA appears twice'],
  finiteNumber: ['must be a finite number ≥ 0, got -1'],
  quantityNotNegative: ['claims forecast:GA68-PSMA: quantity must be ≥ 0, got -2'],
  noClaim: ['no claim scenario:extra'],
  adjustmentRange: ['adjustments forecast:GA68-PSMA: must be 0–12.5, got 20'],
  adjustmentTooMuch: [
    'adjustments cycles-under-way:LU177-PSMA: 40 is more than the 31.2 left to allocate',
  ],
  noTemplate: ["no template 'pb212-remote'"],
  noDesign: ['no design scenario 9c8b7a69-5847-4362-9150-4f3e2d1c0b0a'],
  duplicateId: ["duplicate id 'shenzhen'"],
  unknownSite: ["unknown site 'wuhan'"],
  unknownHospital: ["unknown hospital 'h-017'"],
  unknownProduct: ["unknown product 'TB161-PSMA'"],
  unknownTechnology: ["unknown technology 'cyclotron-70mev'"],
  canonicalNuclide: ["expected the canonical name 'Lu-177', got '镥-177'"],
  noCapacityFor: ['no capacity for Pb-212, which PB212-PSMA needs'],
  noProductUses: ["no product uses 'Tb-161'"],
  expectedPositiveGot: ['expected a positive number, got -5'],
  expectedAtLeastGot: ['expected a number ≥ 1, got 0'],
  expectedAboveGot: ['expected a number > 0, got 0'],
  expectedAtMostGot: ['expected a number ≤ 20, got 25'],
  expectedBelowGot: ['expected a number < 1, got 1.5'],
  expectedNonEmptyString: ['expected a non-empty string, got ""'],
  infeasible: ['no design meets every rule of the scenario (infeasible)'],
  solverTimeLimit: ['the solver found no design within its time limit'],
  solverDied: ['the solver stopped 3 times without a result (a server process died while solving)'],
  workerStopped: ['the worker design-worker stopped (exit code 1) without a result'],
  noPlanFound: ['no plan was found'],
  supplyUsedUp: ['the Pb-212 the network can buy (40 GBq a week) is used up'],
  capacityFull: ['every site within reach has all the units it may have, and they are full'],
  budgetSpent: ['the budget is spent on doses of higher priority or cheaper to serve'],
  costsMore: [
    'serving it costs more than leaving it unserved, or the capacity within reach is used up',
  ],
  noSiteMayMake: ['no site may make Pb-212 PSMA'],
  noLaneReaches: [
    'no lane reaches it: the nearest site that can make F-18 FDG is 1240 km away, beyond 8 h by road, and no air hub that can make it flies there',
  ],
  nearestTooSlow: [
    'the nearest site that can make Ga-68 PSMA-11, Demo Guangzhou Radiopharmacy (demo), needs 4.5 h from the end of synthesis to calibration (QC, transport, preparation); its shelf life is 4.0 h',
  ],
  networkTemplate: ['The network as recorded'],
  networkTemplateDescription: [
    'The sites, hospitals and products in the records, with the weekly demand of the orders calibrated from 2026-10-27 to 2026-12-01.',
  ],
  demoNetwork: ['Demo network (demo data)'],
  demoNetworkDescription: [
    'The demo network as it stands, with every other demo city and every hospital as a candidate: where would new units go?',
  ],
  closeSite: ['Close shanghai (demo data)'],
  closeSiteDescription: ['The demo network with shanghai closed.'],
  cyclotron30: ['One 30 MeV cyclotron in one of five cities (demo data)'],
  cyclotron30Description: [
    'The demo network plus at most one 30 MeV cyclotron, at a site in Beijing, Shanghai, Guangzhou, Chengdu, Wuhan.',
  ],
  pb212Central: ['Pb-212 central (demo data)'],
  pb212CentralDescription: [
    'Pb-212 PSMA from the existing central plants only, shipped by road or air before it decays.',
  ],
  pb212Distributed: ['Pb-212 distributed (demo data)'],
  pb212DistributedDescription: [
    'Pb-212 PSMA from benchtop generators placed where they pay: at sites, in new cities or in the hospitals.',
  ],
  noSuchHospital: ['no such hospital'],
  noAccountWithEmail: ["no account of this hospital's with that email"],
  accountCannotOrder: ['this account cannot place its hospital’s orders'],
  noHl7Delimiters: ['no HL7 delimiters (| ^ ~ \\ &) or line breaks'],
  hostOrIp: ['a host name or an IP address'],
  outboxNotFound: ['outbox entry 7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d not found'],
  outboxPending: [
    'outbox entry 7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d is pending, not a dead letter',
  ],
  outboxSending: [
    'outbox entry 7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d is sending, not a dead letter',
  ],
  outboxDelivered: [
    'outbox entry 7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d is delivered, not a dead letter',
  ],
  dispensedNotOnRecord: ['the dispensed dose of this order is not on record'],
  noEndpoint: ['facility "PUMCH" has no endpoint (host and port) to send to'],
  noAdministration: ['the dose has no administration on record'],
  notAnAck: ['the answer is not an HL7 acknowledgement'],
  ackOtherMessage: [
    'the acknowledgement answers message 7A6B5C4D3E2F4A1B8C9D, not 0E1F2A3B4C5D6E7F8A9B',
  ],
  hospitalAnswered: ["the hospital's system answered AE: Unknown placer order"],
  hospitalAnsweredNoReason: ["the hospital's system answered AR: no reason given"],
  noAckWithin: ['no acknowledgement within 10 s'],
  notMllpOutside: ['the answer is not MLLP: bytes outside an MLLP frame (expected <VT>)'],
  notMllpTooLarge: ['the answer is not MLLP: a message larger than 1048576 bytes'],
  connectionError: ['his.pumch.example:2575: connect ECONNREFUSED 10.0.0.12:2575'],
  noAnswerRecorded: ['no answer recorded after 5 attempts (a sender stopped while sending)'],
};
