/**
 * Acknowledgements (ACK): MSA with AA, AE or AR and, for a refusal, the reason in MSA-3 and an ERR
 * segment (location, HL7 table 0357 code, severity, and the text a person reads in ERR-8). Also
 * reading the acknowledgement a hospital's system sends back. Pure.
 */
import { writeDtm } from './dtm.js';
import { headerEr7, parseEr7, segmentEr7, valueAt } from './er7.js';
import type { Hl7Problem } from './pharmacy-order.js';

/** What the acknowledgement repeats of the message it answers (as much as could be read). */
export interface Acknowledged {
  readonly controlId: string;
  readonly trigger: string;
  readonly version: string;
  readonly processingId: string;
  readonly sendingApplication: string;
  readonly sendingFacility: string;
}

const ERROR_TEXT: Readonly<Record<number, string>> = {
  100: 'Segment sequence error',
  101: 'Required field missing',
  102: 'Data type error',
  103: 'Table value not found',
  200: 'Unsupported message type',
  201: 'Unsupported event code',
  202: 'Unsupported processing id',
  203: 'Unsupported version id',
  204: 'Unknown key identifier',
  205: 'Duplicate key identifier',
  207: 'Application internal error',
};

export function buildAck(
  to: Partial<Acknowledged>,
  answer: { readonly code: 'AA' } | { readonly code: 'AE' | 'AR'; readonly problem: Hl7Problem },
  at: { readonly now: Date; readonly controlId: string },
  text = '',
): string {
  const segments = [
    headerEr7([
      'HALFLIFE',
      'HALFLIFE',
      to.sendingApplication ?? '',
      to.sendingFacility ?? '',
      writeDtm(at.now),
      '',
      ['ACK', to.trigger ?? '', 'ACK'],
      at.controlId,
      to.processingId || 'P',
      to.version || '2.5.1',
      '',
      '',
      '',
      '',
      '',
      'UNICODE UTF-8',
    ]),
  ];
  if (answer.code === 'AA') {
    segments.push(segmentEr7('MSA', ['AA', to.controlId ?? '', text]));
  } else {
    const p = answer.problem;
    const location = p.location
      ? [p.location[0], String(p.location[1]), String(p.location[2])]
      : [];
    segments.push(segmentEr7('MSA', [answer.code, to.controlId ?? '', p.message]));
    segments.push(
      segmentEr7('ERR', [
        '',
        location,
        [String(p.code), ERROR_TEXT[p.code] ?? 'Error', 'HL70357'],
        'E',
        '',
        '',
        '',
        p.message,
      ]),
    );
  }
  return segments.join('\r') + '\r';
}

/** A hospital system's answer: its acknowledgement code, the message it answers and its reason. */
export interface ReadAck {
  readonly code: string;
  readonly controlId: string;
  readonly text: string;
}

export function readAck(text: string): ReadAck | undefined {
  const parsed = parseEr7(text);
  if (!parsed.ok) return undefined;
  const { segments, delimiters: d } = parsed.value;
  const msa = segments.find((s) => s.name === 'MSA');
  if (!msa) return undefined;
  const err = segments.find((s) => s.name === 'ERR');
  const reason = [
    valueAt(msa, { field: 3 }, d),
    err ? valueAt(err, { field: 8 }, d) || valueAt(err, { field: 3, component: 2 }, d) : '',
  ].filter((t) => t !== '');
  return {
    code: valueAt(msa, { field: 1 }, d),
    controlId: valueAt(msa, { field: 2 }, d),
    text: [...new Set(reason)].join('; '),
  };
}
