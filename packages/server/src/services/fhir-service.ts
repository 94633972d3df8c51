import { createHash } from 'node:crypto';
import {
  fhirAdministrations,
  fhirDispenses,
  fhirOrders,
  fhirRequestsOf,
  saveFhirRequest,
  type TimeBound,
} from '@halflife/db';
import type { Scope } from '@halflife/domain';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Caller } from '../caller.js';
import { fhirValidateOffThread } from '../heavy-pool.js';
import {
  issueOfField,
  medicationRequestOrder,
  serviceRequestOrder,
  type RequestType,
} from '../fhir/incoming-order.js';
import type { FhirIssue } from '../fhir/operation-outcome.js';
import {
  doseSummaryOf,
  medicationAdministrationOf,
  medicationDispenseOf,
  medicationRequestOf,
  serviceRequestOf,
} from '../fhir/published-resources.js';
import { searchsetBundle } from '../fhir/search-bundle.js';
import { parseSearch, type Search, type SearchType } from '../fhir/search-request.js';
import { failure, success, type ServiceResult } from '../service-error.js';
import { createOrder, getOrderFor, orderView, type OrdersDeps } from './orders-service.js';
import { callerZone } from './working-day-service.js';

/**
 * The FHIR R4 endpoint's work (issue 17): requests become orders through the order service, and
 * the records are published as resources, always within the caller's scope (a hospital its own).
 * Refusals carry their FHIR elements as issue paths; the routes answer them as OperationOutcome.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refused = (code: 'invalid' | 'not-found', message: string, issues: readonly FhirIssue[]) =>
  failure(
    code,
    message,
    issues.map((i) => ({ path: i.expression ?? '', message: i.diagnostics })),
  );

/** The organisation the caller's scope limits reads to; undefined: the whole network. */
const ownOrganisation = (caller: Caller, scope: Scope) =>
  scope === 'network' ? undefined : caller.organisationId;

/**
 * Places the order a MedicationRequest or ServiceRequest asks for: validated against R4 (in the
 * worker pool), read by the product's rules, placed by the order service with an idempotency key
 * made from the sender's identifier, the resource kept. A resend answers the first order.
 */
export async function placeFhirRequest(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  type: RequestType,
  resource: Record<string, unknown>,
): Promise<ServiceResult<{ resource: Resource; created: boolean }>> {
  const checked = await fhirValidateOffThread(resource);
  if (!checked.ok) return checked;
  if (checked.value.length > 0) {
    return refused('invalid', `the ${type} is not valid FHIR R4`, checked.value);
  }
  const incoming =
    type === 'MedicationRequest' ? medicationRequestOrder(resource) : serviceRequestOrder(resource);
  if (Array.isArray(incoming))
    return refused('invalid', `the ${type} cannot be placed as an order`, incoming);
  const zone = await callerZone(deps, caller);
  const { system, value } = incoming.identifier;
  const key = `fhir:${type}:${createHash('sha256').update(`${system}|${value}`).digest('hex')}`;
  const placed = await createOrder(
    deps,
    caller,
    scope,
    {
      ...incoming.order,
      // The hospital's zone for the order's local times; the offset given fixes the instant.
      calibrationTime: zone
        ? `${incoming.order.calibrationTime}[${zone}]`
        : incoming.order.calibrationTime,
    },
    key,
  );
  if (!placed.ok) {
    const issue = issueOfField(type, incoming.sources, placed.error.message);
    return failure(placed.error.code, placed.error.message, [
      { path: issue.expression ?? type, message: issue.diagnostics },
    ]);
  }
  const order = placed.value.order;
  await saveFhirRequest(
    deps.db,
    { orderId: order.id, resourceType: type, identifier: incoming.identifier, resource },
    { userId: caller.userId, organisationId: caller.organisationId, at: deps.now() },
  );
  const stored = (await fhirRequestsOf(deps.db, [order.id])).get(order.id);
  const published =
    type === 'ServiceRequest' && stored
      ? serviceRequestOf(order, stored)
      : medicationRequestOf(order, stored);
  return success({ resource: published, created: placed.value.created });
}

/** An order as MedicationRequest, or as the ServiceRequest it came as. */
export async function readOrderResource(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  type: RequestType,
  id: string,
): Promise<ServiceResult<Resource>> {
  const missing = failure('not-found', `${type}/${id} not found`);
  if (!UUID.test(id)) return missing;
  const order = await getOrderFor(deps, caller, scope, id);
  if (!order.ok) return missing;
  const stored = (await fhirRequestsOf(deps.db, [id])).get(id);
  if (type === 'MedicationRequest') return success(medicationRequestOf(order.value, stored));
  return stored?.resourceType === 'ServiceRequest'
    ? success(serviceRequestOf(order.value, stored))
    : missing;
}

/** One published resource by id (a read is a search by _id within the caller's scope). */
export async function readPublished(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  type: Exclude<SearchType, 'MedicationRequest'>,
  id: string,
): Promise<ServiceResult<Resource>> {
  const search: Search = {
    ids: UUID.test(id) ? [id.toLowerCase()] : [],
    times: [],
    includes: [],
    count: 1,
    offset: 0,
    nothing: false,
  };
  const found = await matches(deps, ownOrganisation(caller, scope), type, search);
  const resource = found.matches[0];
  return resource ? success(resource) : failure('not-found', `${type}/${id} not found`);
}

/** A search of `type` as a searchset Bundle, `_include`d resources after the matches. */
export async function searchFhir(
  deps: OrdersDeps,
  caller: Caller,
  scope: Scope,
  type: SearchType,
  url: URL,
  base: string,
): Promise<ServiceResult<Bundle>> {
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
  const zone = (await callerZone(deps, caller)) ?? 'UTC';
  const search = parseSearch(type, query, zone);
  if (Array.isArray(search))
    return refused('invalid', `the search of ${type} cannot be read`, search);
  const found = search.nothing
    ? { matches: [], included: [] }
    : await matches(deps, ownOrganisation(caller, scope), type, {
        ...search,
        count: search.count + 1,
      });
  return success(
    searchsetBundle({
      base,
      type,
      query: url.searchParams,
      matches: found.matches.slice(0, search.count),
      included: found.included,
      offset: search.offset,
      count: search.count,
      more: found.matches.length > search.count,
    }),
  );
}

/** The records a search finds (at most `count`) as resources, with what it includes. */
async function matches(
  deps: OrdersDeps,
  organisationId: string | undefined,
  type: SearchType,
  search: Search,
): Promise<{ matches: Resource[]; included: Resource[] }> {
  const page = {
    organisationId,
    ids: search.ids,
    patientRef: search.patientRef,
    limit: search.count,
    offset: search.offset,
  };
  const times = <C extends string>() => search.times as TimeBound<C>[];
  const requests = async (orderIds: string[]) => {
    if (!search.includes.includes('MedicationRequest')) return [];
    const ids = [...new Set(orderIds)];
    return publishOrders(
      deps,
      await fhirOrders(deps.db, { organisationId, ids, limit: ids.length, offset: 0 }),
    );
  };
  switch (type) {
    case 'MedicationRequest': {
      const rows = await fhirOrders(deps.db, {
        ...page,
        identifier: search.identifier,
        times: times(),
      });
      return { matches: await publishOrders(deps, rows), included: [] };
    }
    case 'MedicationDispense': {
      const rows = await fhirDispenses(deps.db, { ...page, times: times() });
      return {
        matches: rows.map(medicationDispenseOf),
        included: await requests(rows.map((r) => r.order_id)),
      };
    }
    case 'MedicationAdministration':
    case 'Observation': {
      const rows = await fhirAdministrations(deps.db, { ...page, times: times() });
      const given = type === 'Observation' && search.includes.includes('MedicationAdministration');
      return {
        matches: rows.map((r): Resource =>
          type === 'Observation' ? doseSummaryOf(r) : medicationAdministrationOf(r),
        ),
        included: [
          ...(await requests(rows.map((r) => r.order_id))),
          ...(given ? rows.map(medicationAdministrationOf) : []),
        ],
      };
    }
  }
}

async function publishOrders(deps: OrdersDeps, rows: Parameters<typeof orderView>[0][]) {
  const stored = await fhirRequestsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => medicationRequestOf(orderView(r), stored.get(r.id)));
}
