import { consignorAndConsignee, getShipment, type Database } from '@halflife/db';
import { localDateTimeOf, type Scope } from '@halflife/domain';
import { PACKAGINGS } from '@halflife/ops';
import type { Kysely } from 'kysely';
import type { Caller } from '../caller.js';
import type { DocumentLang } from '../documents/document-lang.js';
import { PAPERS_WORDS } from '../documents/document-words.js';
import type { ShippingPapers } from '../documents/shipping-papers.js';
import { shippingPapersOffThread } from '../heavy-pool.js';
import { failure, type ServiceResult } from '../service-error.js';
import { shipmentDetail } from './distribution-service.js';

/**
 * A shipment's shipping papers: the packages as the shipment's detail classifies them (the class
 * each travels under, contents at dispatch), consignor and consignee with their addresses, times
 * in the site's zone; rendered as PDF in the worker pool.
 */

const REGULATIONS = 'IAEA SSR-6 (2018); GB 11806-2019; 49 CFR 172.202-172.203';

export async function shippingPapers(
  deps: { readonly db: Kysely<Database>; readonly now: () => Date },
  caller: Caller,
  scope: Scope,
  id: string,
  lang: DocumentLang = 'en',
): Promise<ServiceResult<Uint8Array>> {
  const words = PAPERS_WORDS[lang];
  const detail = await shipmentDetail(deps, caller, scope, id);
  if (!detail.ok) return detail;
  const { shipment, packages, doses, transportIndexSum } = detail.value;
  if (packages.length === 0) return failure('conflict', 'nothing is packed for this shipment');
  const snapshot = (await getShipment(deps.db, id))!;
  const { site, hospital } = await consignorAndConsignee(
    deps.db,
    shipment.siteId,
    shipment.hospitalId,
  );
  const local = (at: string) =>
    `${localDateTimeOf(Date.parse(at), shipment.siteZone).replace('T', ' ')} ${shipment.siteZone}`;
  const papers: ShippingPapers = {
    shipmentKey: `${shipment.planDate} ${shipment.key}`,
    consignor: { name: site.name, address: [site.address, site.city].filter(Boolean).join(', ') },
    consignee: {
      name: hospital.name,
      address: [hospital.address, hospital.city].filter(Boolean).join(', '),
    },
    vehicle: shipment.vehicle,
    courier: shipment.courierName,
    departText: local(snapshot.head.run?.picked_up_at?.toISOString() ?? shipment.departAt),
    arriveText: local(shipment.expectedArrivalAt),
    packages: packages.map((p) => ({
      code: p.code,
      unNumber: p.unNumber,
      properShippingName: p.atDispatch.properShippingName,
      category: p.category,
      label: p.label,
      transportIndex: p.transportIndex,
      packaging: PACKAGINGS.find((x) => x.code === p.packaging)?.name ?? p.packaging,
      form: 'liquid',
      contents: p.atDispatch.contents.filter(
        (c) => c.activityBq > 1e-6 * p.atDispatch.contents.reduce((s, x) => s + x.activityBq, 0),
      ),
      a2Fraction: Math.max(p.atDispatch.a2Fraction, p.atArrival.a2Fraction),
      doses: doses
        .filter((d) => d.packageCode === p.code)
        .map((d) =>
          words.doseLine(d.productName, d.patientRef ?? words.order(d.orderId.slice(0, 8))),
        ),
    })),
    transportIndexSum,
    exclusiveUse: packages.some((p) => p.atDispatch.exclusiveUse || p.atArrival.exclusiveUse),
    regulations: REGULATIONS,
  };
  return shippingPapersOffThread({ papers, producedAt: deps.now().toISOString(), lang });
}
