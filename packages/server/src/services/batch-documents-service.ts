import { getBatchRecord, verifiedSignatures, type Database } from '@halflife/db';
import { localDateTimeOf } from '@halflife/domain';
import { becquerel, epochMillis } from '@halflife/nuclear';
import { evaluateRecorded, measuredEos } from '@halflife/ops';
import type { Kysely } from 'kysely';
import type { Certificate } from '../documents/certificate.js';
import type { DocumentLang } from '../documents/document-lang.js';
import { CERTIFICATE_WORDS, LABEL_WORDS } from '../documents/document-words.js';
import { MAX_LABELS, type DoseLabel } from '../documents/dose-label.js';
import { certificateOffThread, labelsOffThread } from '../heavy-pool.js';
import { failure, type ServiceResult } from '../service-error.js';

/**
 * A batch's printed documents: the labels of its dispensed doses and its certificate of analysis,
 * built from the record as it stands and rendered as PDF in the worker pool (a batch of labels
 * is a few ms of CPU per QR code; it never holds the request thread).
 */

export interface DocumentDeps {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
}

/** "2026-11-24 09:30 Asia/Shanghai": a time as the place that reads it keeps it. */
const localText = (at: Date | number, zone: string) =>
  `${localDateTimeOf(new Date(at).getTime(), zone).replace('T', ' ')} ${zone}`;

export async function labelsPdf(
  deps: DocumentDeps,
  id: string,
  orderId: string | undefined,
  lang: DocumentLang = 'en',
): Promise<ServiceResult<Uint8Array>> {
  const snapshot = await getBatchRecord(deps.db, id);
  if (!snapshot) return failure('not-found', `batch record ${id} not found`);
  const doses = snapshot.doses.filter(
    (d) => d.dispensed !== null && (orderId === undefined || d.orderId === orderId),
  );
  if (doses.length === 0) {
    return orderId === undefined
      ? failure('conflict', 'no dose of this batch is dispensed yet: nothing to label')
      : failure('not-found', `no dispensed dose of this batch for order ${orderId}`);
  }
  if (doses.length > MAX_LABELS) {
    return failure('too-large', `at most ${MAX_LABELS} labels at once: ask for one order`);
  }
  const labels: DoseLabel[] = doses.map((d) => {
    const x = d.dispensed!;
    return {
      code: {
        doseId: x.id,
        batchNumber: snapshot.record.batch_number,
        productCode: snapshot.record.product_code,
        calibrationTime: epochMillis(d.calibrationAt.getTime()),
        activityAtCalibration: becquerel(Math.round(x.calibrationBq)),
        expiryTime: epochMillis(x.expiresAt.getTime()),
      },
      productName: snapshot.batch.productName,
      nuclide: snapshot.batch.nuclide,
      hospital: d.hospitalName,
      patientReference: d.patientRef ?? LABEL_WORDS[lang].order(d.orderId.slice(0, 8)),
      volumeMl: x.volumeMl,
      calibrationText: localText(d.calibrationAt, d.hospitalZone),
      expiryText: localText(x.expiresAt, d.hospitalZone),
    };
  });
  return labelsOffThread({ labels, producedAt: deps.now().toISOString(), lang });
}

export async function certificatePdf(
  deps: DocumentDeps,
  id: string,
  lang: DocumentLang = 'en',
): Promise<ServiceResult<Uint8Array>> {
  const snapshot = await getBatchRecord(deps.db, id);
  if (!snapshot) return failure('not-found', `batch record ${id} not found`);
  const { record, batch } = snapshot;
  const spec = record.specification;
  const qc = evaluateRecorded(spec, snapshot.results);
  const eos = measuredEos(record.recipe, snapshot.steps);
  const zone = batch.siteZone;
  const certificate: Certificate = {
    productName: batch.productName,
    batchNumber: record.batch_number,
    site: batch.siteName,
    eosText: localText(eos?.at ?? batch.eosAt, zone),
    eosActivityBq: eos?.activityBq ?? null,
    eosVolumeMl: eos?.volumeMl ?? null,
    specificationVersion: CERTIFICATE_WORDS[lang].specificationVersion(spec.product, spec.version),
    tests: qc.tests.map((t) => ({
      name: t.name,
      limit: t.limit,
      result: t.result ?? null,
      status: t.status,
      timing: t.timing,
    })),
    decisions: verifiedSignatures(snapshot).map((s) => ({
      meaning: s.meaning,
      signerName: s.printedName,
      signedText: localText(s.signedAt, zone),
      contentHash: s.contentHash,
      valid: s.valid,
    })),
    deviations: snapshot.deviations.map((d) => ({
      classification: d.classification,
      description: d.description,
    })),
    printedText: localText(deps.now(), zone),
  };
  return certificateOffThread({ certificate, producedAt: deps.now().toISOString(), lang });
}
