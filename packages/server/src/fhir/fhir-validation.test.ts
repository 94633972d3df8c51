import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleMedicationRequest } from '../../test/fhir-examples.js';
import { validateFhirResource } from './fhir-validation.js';
import { medicationRequestOrder, serviceRequestOrder } from './incoming-order.js';

/** The R4 definitions as Medplum's validator and the shipped value sets apply them. */
describe('validation against the R4 definitions', () => {
  it('passes a valid MedicationRequest with a contained Medication', () => {
    expect(validateFhirResource(exampleMedicationRequest())).toEqual([]);
  });

  it('names the element of a wrong type, an unknown element and a missing one', () => {
    const mr = exampleMedicationRequest();
    mr['dosageInstruction'] = [{ doseAndRate: [{ doseQuantity: { value: '7.4' } }] }];
    mr['dose'] = 7.4;
    delete mr['subject'];
    const issues = validateFhirResource(mr).map((i) => i.expression);
    expect(issues).toEqual(
      expect.arrayContaining([
        'MedicationRequest.dosageInstruction[0].doseAndRate[0].dose[x].value',
        'MedicationRequest.dose',
        'MedicationRequest.subject',
      ]),
    );
  });

  it('checks formats: a dateTime, a uri', () => {
    const mr = exampleMedicationRequest();
    mr['authoredOn'] = '2026-13-01';
    mr['identifier'] = [{ system: 'not a uri', value: 'x' }];
    expect(
      validateFhirResource(mr)
        .map((i) => i.expression)
        .sort(),
    ).toEqual(['MedicationRequest.authoredOn', 'MedicationRequest.identifier[0].system']);
  });

  it('checks codes against their required value sets, in contained resources too', () => {
    const mr = exampleMedicationRequest();
    mr['status'] = 'approved';
    mr['priority'] = 'stat';
    const medication = (mr['contained'] as Record<string, unknown>[])[0]!;
    medication['status'] = 'available';
    expect(validateFhirResource(mr)).toEqual([
      expect.objectContaining({
        expression: 'MedicationRequest.contained[0].status',
        code: 'code-invalid',
        diagnostics:
          '"available" is not in the required value set http://hl7.org/fhir/ValueSet/medication-status',
      }),
      expect.objectContaining({ expression: 'MedicationRequest.status' }),
    ]);
    expect(validateFhirResource({ ...exampleMedicationRequest(), priority: 'stat' })).toEqual([]);
  });
});

describe('hostile resources', () => {
  it('never throws: every shape is answered with issues or accepted', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const element = fc.constantFrom(
      'contained',
      'medicationReference',
      'dosageInstruction',
      'extension',
      'identifier',
      'subject',
      'status',
      'note',
      'meta',
      'text',
      'id',
    );
    fc.assert(
      fc.property(fc.dictionary(element, json), (extra) => {
        const resource = { ...exampleMedicationRequest(), ...extra };
        const issues = validateFhirResource(resource);
        expect(Array.isArray(issues)).toBe(true);
        // The product's rules read any shape too (they run after validation, but never trust it).
        expect(() => medicationRequestOrder(resource)).not.toThrow();
        expect(() =>
          serviceRequestOrder({ ...resource, resourceType: 'ServiceRequest' }),
        ).not.toThrow();
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});
