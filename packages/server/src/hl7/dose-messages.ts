/**
 * The messages a hospital's system receives about its HL7 order: RDS^O13 when the dose is
 * dispensed (RXD: product, activity at calibration, batch as lot, expiry; OBX: the activity
 * measured at dispensing) and RAS^O17 when it is administered (RXA: time and activity given).
 * HL7 v2.5.1, UTF-8, times in UTC. Pure.
 */
import type { Hl7OutboundFacts } from '@halflife/db';
import { writeDtm } from './dtm.js';
import { headerEr7, segmentEr7 } from './er7.js';

/** What a message says about the dose: the outbox's facts, less where and how it is sent. */
export type DoseFacts = Omit<Hl7OutboundFacts, 'outbox' | 'endpoint'>;

const MBQ = ['MBq', 'MBq', 'UCUM'];
/** MBq to at most 3 decimals, without trailing zeros. */
const mbq = (bq: number) => String(Math.round(bq / 1e3) / 1e3);

function opening(
  facts: DoseFacts,
  type: readonly string[],
  at: { now: Date; controlId: string },
  patientRef: string | null,
): string[] {
  return [
    headerEr7([
      'HALFLIFE',
      'HALFLIFE',
      '',
      facts.facility,
      writeDtm(at.now),
      '',
      type,
      at.controlId,
      'P',
      '2.5.1',
      '',
      '',
      'AL',
      'NE',
      '',
      'UNICODE UTF-8',
    ]),
    segmentEr7('PID', ['1', '', patientRef === null ? '' : [patientRef]]),
    segmentEr7('ORC', ['RE', [facts.placerOrder], [facts.orderId, 'HALFLIFE'], '', 'CM']),
  ];
}

const product = (f: DoseFacts) => [f.productCode, f.productName, 'L'];

/** RDS^O13: the dose as dispensed. */
export function dispenseMessage(facts: DoseFacts, at: { now: Date; controlId: string }): string {
  return (
    [
      ...opening(facts, ['RDS', 'O13', 'RDS_O13'], at, facts.patientRef),
      segmentEr7('RXD', [
        '1',
        product(facts),
        writeDtm(facts.dispensedAt),
        mbq(facts.calibrationBq),
        MBQ,
        '',
        facts.orderId,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        facts.batchNumber,
        writeDtm(facts.expiresAt),
      ]),
      segmentEr7('RXR', [[facts.route]]),
      segmentEr7('OBX', [
        '1',
        'NM',
        ['CALIBRATION', 'Activity at calibration time', 'L'],
        '',
        mbq(facts.calibrationBq),
        MBQ,
        '',
        '',
        '',
        '',
        'F',
        '',
        '',
        writeDtm(facts.calibrationAt),
      ]),
      segmentEr7('OBX', [
        '2',
        'NM',
        ['MEASURED', 'Activity measured at dispensing', 'L'],
        '',
        mbq(facts.measuredBq),
        MBQ,
        '',
        '',
        '',
        '',
        'F',
        '',
        '',
        writeDtm(facts.measuredAt),
      ]),
    ].join('\r') + '\r'
  );
}

/** RAS^O17: the dose as administered; undefined when it has not been. */
export function administrationMessage(
  facts: DoseFacts,
  at: { now: Date; controlId: string },
): string | undefined {
  const a = facts.administration;
  if (a === null) return undefined;
  const given = writeDtm(a.administeredAt);
  return (
    [
      ...opening(facts, ['RAS', 'O17', 'RAS_O17'], at, a.patientRef),
      segmentEr7('RXA', [
        '0',
        '1',
        given,
        given,
        product(facts),
        mbq(a.administeredBq),
        MBQ,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        facts.batchNumber,
        '',
        '',
        '',
        '',
        'CP',
      ]),
      segmentEr7('RXR', [[facts.route]]),
    ].join('\r') + '\r'
  );
}
