/**
 * Real-shaped HL7 v2 pharmacy orders for tests: a Chinese hospital's HIS ordering a Lu-177 dose,
 * with the patient's name in Chinese (UTF-8) and escape sequences in the order number and notes.
 */
export interface SampleOrder {
  readonly facility: string;
  readonly controlId: string;
  readonly placer: string;
  readonly product: string;
  /** Activity and unit as the message carries them. */
  readonly amount: string;
  readonly unit: string;
  /** DTM of the calibration time. */
  readonly at: string;
  readonly patient: string;
  readonly note: string;
}

const msh = (o: SampleOrder, type: string) =>
  `MSH|^~\\&|HIS|${o.facility}^2.16.840.1.113883.3.1^ISO|HALFLIFE|HALFLIFE|20261123090000+0800||${type}|${o.controlId}|P|2.5.1|||AL|NE|CHN|UNICODE UTF-8`;
const pid = (o: SampleOrder) =>
  `PID|1||${o.patient}^^^PUMCH^MR||王^小明^^^^^L~WANG^XIAOMING^^^^^A||19580312|M`;

export function ompO09(o: SampleOrder): string {
  return [
    msh(o, 'OMP^O09^OMP_O09'),
    pid(o),
    'PV1|1|O|核医学科^^^PUMCH',
    `ORC|NW|${o.placer}^HIS|||||^^^${o.at}||20261123090000+0800|||0451^李^医生`,
    `TQ1|1||||||${o.at}`,
    `RXO|${o.product}^镥[177Lu]特昔维匹肽^L|${o.amount}||${o.unit}^${o.unit}^UCUM`,
    `NTE|1|P|${o.note}`,
    'RXR|IV^静脉注射^HL70162',
  ].join('\r');
}

export function rdeO11(o: SampleOrder): string {
  return [
    msh(o, 'RDE^O11^RDE_O11'),
    pid(o),
    `ORC|NW|${o.placer}^HIS|||||||20261123090000+0800`,
    `RXE|^^^${o.at}|${o.product}^镥-177 PSMA^L|${o.amount}||${o.unit}^${o.unit}^UCUM`,
    `NTE|1|P|${o.note}`,
    'RXR|IV',
  ].join('\r');
}

/** ORM^O01 as a v2.3 system sends it: the start time in ORC-7, no TQ1. */
export function ormO01(o: SampleOrder): string {
  return [
    msh(o, 'ORM^O01').replace('|2.5.1|', '|2.3|'),
    pid(o),
    `ORC|NW|${o.placer}|||||^^^${o.at}`,
    `RXO|${o.product}^Lu-177 PSMA^L|${o.amount}||${o.unit}`,
    `NTE|1||${o.note}`,
  ].join('\r');
}
