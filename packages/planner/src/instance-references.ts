/**
 * The rules of a planning instance that need more than one field: unique ids, references between
 * records, intervals that end after they start, and nuclide names that the NUBASE2020 dataset
 * knows in their canonical spelling. Runs on an instance whose shape is already valid.
 */
import { builtinDataset, decayChain, parseInstant, resolveNuclide } from '@halflife/nuclear';
import type { Interval, LicenceSpec, PlanningInstance } from './instance.js';

/** Epoch milliseconds of an instant the shape check has already accepted. */
function epochMs(text: string): number {
  const parsed = parseInstant(text);
  return parsed.ok ? parsed.value.epochMs : NaN;
}

/** Every error found, each with its path; empty when the instance is consistent. */
export function instanceReferenceErrors(instance: PlanningInstance): string[] {
  const errors: string[] = [];
  const data = builtinDataset();

  const nuclide = (path: string, name: string): boolean => {
    const found = resolveNuclide(data, name);
    if (!found.ok) errors.push(`${path}: ${found.error.message}`);
    else if (found.value.name !== name) {
      errors.push(`${path}: expected the canonical name '${found.value.name}', got '${name}'`);
    } else return true;
    return false;
  };
  const unique = (kind: string, ids: readonly string[]): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) errors.push(`${kind}[${i}].id: duplicate id '${id}'`);
      seen.add(id);
    });
  };
  const interval = (path: string, { start, end }: Interval): void => {
    if (!(epochMs(start) < epochMs(end))) {
      errors.push(`${path}: expected start before end, got ${start} … ${end}`);
    }
  };
  const licences = (path: string, list: readonly LicenceSpec[]): void => {
    const seen = new Set<string>();
    list.forEach((l, i) => {
      nuclide(`${path}[${i}].nuclide`, l.nuclide);
      if (seen.has(l.nuclide))
        errors.push(`${path}[${i}].nuclide: duplicate licence for ${l.nuclide}`);
      seen.add(l.nuclide);
    });
  };
  const known = (path: string, what: string, ids: ReadonlySet<string>, id: string): boolean => {
    if (ids.has(id)) return true;
    errors.push(`${path}: no ${what} with id '${id}'`);
    return false;
  };

  const { products, sites, hospitals, lanes, orders } = instance;
  const fixedBatches = instance.fixedBatches ?? [];
  const outages = instance.outages ?? [];
  const departed = instance.departedShipments ?? [];
  unique(
    'products',
    products.map((p) => p.id),
  );
  unique(
    'sites',
    sites.map((s) => s.id),
  );
  unique(
    'hospitals',
    hospitals.map((h) => h.id),
  );
  unique(
    'lanes',
    lanes.map((l) => l.id),
  );
  unique(
    'orders',
    orders.map((o) => o.id),
  );
  unique(
    'fixedBatches',
    fixedBatches.map((b) => b.id),
  );
  unique(
    'departedShipments',
    departed.map((s) => s.id),
  );
  const productIds = new Set(products.map((p) => p.id));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const siteIds = new Set(siteById.keys());
  const hospitalIds = new Set(hospitals.map((h) => h.id));

  interval('horizon', instance.horizon);
  products.forEach((p, i) => {
    if (!nuclide(`products[${i}].nuclide`, p.nuclide)) return;
    const chain = decayChain(data, [p.nuclide]).index;
    for (const member of Object.keys(p.transportIndexPerGbq)) {
      const path = `products[${i}].transportIndexPerGbq.${member}`;
      if (nuclide(path, member) && !chain.has(member)) {
        errors.push(`${path}: ${member} is not in the decay chain of ${p.nuclide}`);
      }
    }
  });
  sites.forEach((s, i) => {
    s.open.forEach((o, j) => interval(`sites[${i}].open[${j}]`, o));
    const lineIds = new Set<string>();
    s.lines.forEach((line, j) => {
      if (lineIds.has(line.id))
        errors.push(`sites[${i}].lines[${j}].id: duplicate id '${line.id}'`);
      lineIds.add(line.id);
      line.products.forEach((p, k) =>
        known(`sites[${i}].lines[${j}].products[${k}]`, 'product', productIds, p),
      );
    });
    s.supply.forEach((supply, j) => nuclide(`sites[${i}].supply[${j}].nuclide`, supply.nuclide));
    licences(`sites[${i}].licences`, s.licences);
  });
  hospitals.forEach((h, i) => {
    h.receiving.forEach((r, j) => interval(`hospitals[${i}].receiving[${j}]`, r));
    licences(`hospitals[${i}].licences`, h.licences);
  });
  lanes.forEach((l, i) => {
    known(`lanes[${i}].site`, 'site', siteIds, l.site);
    known(`lanes[${i}].hospital`, 'hospital', hospitalIds, l.hospital);
  });
  orders.forEach((o, i) => {
    known(`orders[${i}].hospital`, 'hospital', hospitalIds, o.hospital);
    known(`orders[${i}].product`, 'product', productIds, o.product);
  });

  const siteLine = (path: string, siteId: string, lineId: string) => {
    const site = siteById.get(siteId);
    if (site === undefined) {
      errors.push(`${path}.site: no site with id '${siteId}'`);
      return undefined;
    }
    const line = site.lines.find((l) => l.id === lineId);
    if (line === undefined) errors.push(`${path}.line: site '${siteId}' has no line '${lineId}'`);
    return line;
  };
  fixedBatches.forEach((b, i) => {
    const line = siteLine(`fixedBatches[${i}]`, b.site, b.line);
    if (!known(`fixedBatches[${i}].product`, 'product', productIds, b.product)) return;
    if (line !== undefined && !line.products.includes(b.product)) {
      errors.push(
        `fixedBatches[${i}].product: line '${b.line}' of site '${b.site}' does not make '${b.product}'`,
      );
    }
  });
  departedReferenceErrors(instance, errors);
  outages.forEach((o, i) => {
    siteLine(`outages[${i}]`, o.site, o.line);
    if (o.to !== undefined && !(epochMs(o.from) < epochMs(o.to))) {
      errors.push(`outages[${i}]: expected from before to, got ${o.from} … ${o.to}`);
    }
  });
  return errors;
}

/**
 * Departed shipments need `replanFrom` and leave by it; each dose comes from a fixed batch of the
 * lane's site, for an order of the lane's hospital and the batch's product, and no order travels twice.
 */
function departedReferenceErrors(instance: PlanningInstance, errors: string[]): void {
  const departed = instance.departedShipments ?? [];
  if (departed.length === 0) return;
  if (instance.replanFrom === undefined) {
    errors.push('departedShipments: needs replanFrom, the moment of re-planning');
  }
  const from = instance.replanFrom === undefined ? Infinity : epochMs(instance.replanFrom);
  const lanes = new Map(instance.lanes.map((l) => [l.id, l]));
  const orders = new Map(instance.orders.map((o) => [o.id, o]));
  const batches = new Map((instance.fixedBatches ?? []).map((b) => [b.id, b]));
  const travelling = new Set<string>();
  departed.forEach((s, i) => {
    const path = `departedShipments[${i}]`;
    const lane = lanes.get(s.lane);
    if (lane === undefined) errors.push(`${path}.lane: no lane with id '${s.lane}'`);
    if (epochMs(s.departAt) > from) {
      errors.push(
        `${path}.departAt: ${s.departAt} is after replanFrom ${String(instance.replanFrom)}`,
      );
    }
    if (!(epochMs(s.departAt) < epochMs(s.arriveAt))) {
      errors.push(`${path}: expected departAt before arriveAt, got ${s.departAt} … ${s.arriveAt}`);
    }
    s.doses.forEach((d, j) => {
      const at = `${path}.doses[${j}]`;
      const order = orders.get(d.order);
      const batch = batches.get(d.batch);
      if (order === undefined) errors.push(`${at}.order: no order with id '${d.order}'`);
      else if (travelling.has(d.order)) errors.push(`${at}.order: '${d.order}' travels twice`);
      travelling.add(d.order);
      if (batch === undefined) errors.push(`${at}.batch: no fixed batch with id '${d.batch}'`);
      if (!order || !batch || !lane) return;
      if (batch.product !== order.product) {
        errors.push(
          `${at}.batch: batch '${d.batch}' makes '${batch.product}', order '${d.order}' wants '${order.product}'`,
        );
      }
      if (lane.site !== batch.site || lane.hospital !== order.hospital) {
        errors.push(
          `${at}: lane '${lane.id}' does not run from batch '${d.batch}''s site to order '${d.order}''s hospital`,
        );
      }
    });
  });
}
