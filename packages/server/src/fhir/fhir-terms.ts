/**
 * The code systems and extensions the FHIR endpoint (issue 17) uses. Halflife's own are under
 * `https://halflife.example/fhir/` (a reserved example domain until the product has one of its
 * own): a deployment may publish them, no client needs to resolve them.
 */

/** A product's code (`LU177-PSMA617`): Medication.code and ServiceRequest.code. */
export const PRODUCT_SYSTEM = 'https://halflife.example/fhir/product';
/** The order's id as an identifier of every MedicationRequest the endpoint publishes. */
export const ORDER_SYSTEM = 'https://halflife.example/fhir/order';
/** The calibration (injection) time of the ordered activity: valueDateTime with a time zone. */
export const CALIBRATION_TIME_URL =
  'https://halflife.example/fhir/StructureDefinition/calibration-time';
/** The order's own status (submitted, planned, dispatched …): valueCode, read-only. */
export const ORDER_STATUS_URL = 'https://halflife.example/fhir/StructureDefinition/order-status';

export const UCUM = 'http://unitsofmeasure.org';
export const LOINC = 'http://loinc.org';
export const DICOM = 'http://dicom.nema.org/resources/ontology/DCM';
export const SNOMED = 'http://snomed.info/sct';

/** The media type of FHIR JSON; plain application/json is accepted too. */
export const FHIR_JSON = 'application/fhir+json';
