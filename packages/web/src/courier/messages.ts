/** The courier screens' words, English and Simplified Chinese (terms as in docs/glossary.md). */
import type { Messages } from '../i18n/messages.js';

export const en = {
  doseAtUse: '{{head}}: {{amount}} at use ({{dev}}; tolerance ±{{tol}}%)',

  // A run's stops and states.
  stop: {
    pickUpAt: 'Pick-up at {{place}}',
    deliveryAt: 'Delivery at {{place}}',
    plannedDeparture: 'Planned departure',
    delivered: 'Delivered',
    expectedArrival: 'Expected arrival',
  },
  state: {
    loaded: 'Loaded',
    pickedUp: 'Picked up',
    delayReported: 'Delay reported',
    delivered: 'Delivered',
  },

  // Reporting a delay.
  delay: {
    open: 'Report a delay',
    form: 'Report a delay',
    title: 'Report a delay',
    expectedDateTime: 'expected a date and time',
    sayWhy: 'say why',
    failed: 'the delay was not recorded',
    newArrival: 'New expected arrival ({{zone}})',
    placeTime: 'the hospital’s time',
    reason: 'Reason',
    reporting: 'Reporting…',
    report: 'Report the delay',
    cancel: 'Cancel',
  },

  // The delivery.
  deliver: {
    scanPackages: 'scan the packages',
    failed: 'the delivery was not recorded',
    form: 'Deliver',
    title: 'Deliver to {{place}}: scan every package',
    delivering: 'Delivering…',
    deliver: 'Deliver',
  },

  // The pick-up.
  pickUp: {
    scanPackages: 'scan the packages',
    passwordRequired: 'the password is required to sign',
    failed: 'the pick-up was not signed',
    form: 'Pick up',
    title: 'Pick up: scan, then sign',
    meaning:
      'Signing, <b>{{name}}</b> takes over the packages listed for carriage to {{place}}. The time is recorded with the signature.',
    yourId: 'Your ID (email)',
    firstSignature: 'the first signature of a session',
    password: 'Password',
    signing: 'Signing…',
    sign: 'Sign and pick up',
  },

  // A run.
  run: {
    loadFailed: 'the run could not be loaded',
    vehicle: 'Vehicle {{vehicle}}',
    stops: 'Stops',
    pickedUpAt: 'Picked up {{time}}',
    signedBy: ', signed by {{name}}',
    when: 'When',
    packages: 'Packages ({{n}})',
    doses_one: '{{count}} dose',
    doses_other: '{{count}} doses',
    deliveredTo: 'Delivered to {{place}} at {{time}}.',
    withinTolerance: 'Delay reported: every dose stays within its tolerance.',
    outOfTolerance_one: 'Delay reported: {{count}} dose is out of tolerance at the new arrival.',
    outOfTolerance_other:
      'Delay reported: {{count}} doses are out of tolerance at the new arrival.',
    alerted: 'The hospital and the planners have been alerted.',
    plannersSee: 'The planners see it on the shipment.',
  },

  // The courier's runs.
  runs: {
    loadFailed: 'your runs could not be loaded',
    title: 'My runs',
    refresh: 'Refresh',
    loading: 'Loading your runs…',
    none: 'No run to do. A run is yours once the dispatcher loads a vehicle for you.',
    delivered: 'Delivered',
    deliveredAt: 'delivered {{time}}',
    minLate: '({{n}} min late)',
  },
};

export const zh: Messages<typeof en> = {
  doseAtUse: '{{head}}：使用时 {{amount}}（{{dev}}；允差 ±{{tol}}%）',

  stop: {
    pickUpAt: '在 {{place}} 提货',
    deliveryAt: '送达 {{place}}',
    plannedDeparture: '计划出发',
    delivered: '已送达',
    expectedArrival: '预计到达',
  },
  state: {
    loaded: '已装车',
    pickedUp: '已提货',
    delayReported: '已报告延误',
    delivered: '已送达',
  },

  delay: {
    open: '报告延误',
    form: '报告延误',
    title: '报告延误',
    expectedDateTime: '应填写日期和时间',
    sayWhy: '请说明原因',
    failed: '延误未能记录',
    newArrival: '新的预计到达时间（{{zone}}）',
    placeTime: '医院当地时间',
    reason: '原因',
    reporting: '正在报告…',
    report: '提交延误报告',
    cancel: '取消',
  },

  deliver: {
    scanPackages: '请扫描货包',
    failed: '送达未能记录',
    form: '送达',
    title: '送达 {{place}}：扫描每个货包',
    delivering: '正在登记送达…',
    deliver: '送达',
  },

  pickUp: {
    scanPackages: '请扫描货包',
    passwordRequired: '签名需要输入密码',
    failed: '提货未能签署',
    form: '提货',
    title: '提货：先扫码，再签名',
    meaning: '签名即表示 <b>{{name}}</b> 接收所列货包并负责运往 {{place}}。签名时间将一并记录。',
    yourId: '您的账号（电子邮箱）',
    firstSignature: '本次会话的首次签名',
    password: '密码',
    signing: '正在签名…',
    sign: '签名并提货',
  },

  run: {
    loadFailed: '无法加载运输任务',
    vehicle: '车辆 {{vehicle}}',
    stops: '站点',
    pickedUpAt: '{{time}} 已提货',
    signedBy: '，签收人 {{name}}',
    when: '时间',
    packages: '货包（{{n}}）',
    doses_one: '{{count}} 剂',
    doses_other: '{{count}} 剂',
    deliveredTo: '已于 {{time}} 送达 {{place}}。',
    withinTolerance: '已报告延误：所有剂量均在允差范围内。',
    outOfTolerance_one: '已报告延误：按新的到达时间，{{count}} 剂超出允差。',
    outOfTolerance_other: '已报告延误：按新的到达时间，{{count}} 剂超出允差。',
    alerted: '已通知医院和计划员。',
    plannersSee: '计划员可在运单上看到。',
  },

  runs: {
    loadFailed: '无法加载您的运输任务',
    title: '我的运输',
    refresh: '刷新',
    loading: '正在加载您的运输任务…',
    none: '暂无运输任务。发运人员为您装车后，任务即归您。',
    delivered: '已送达',
    deliveredAt: '{{time}} 送达',
    minLate: '（延误 {{n}} 分钟）',
  },
};
