import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/** A problem with a request, where it is: `MedicationRequest.subject.reference`. */
export interface FhirIssue {
  readonly severity: 'error' | 'warning' | 'information';
  /** The issue type of R4 (http://hl7.org/fhir/issue-type): invalid, required, not-found … */
  readonly code: OperationOutcomeIssue['code'];
  readonly expression?: string;
  readonly diagnostics: string;
}

export const invalidAt = (
  expression: string,
  diagnostics: string,
  code: FhirIssue['code'] = 'invalid',
): FhirIssue => ({ severity: 'error', code, expression, diagnostics });

/** The issues as an OperationOutcome; each names its element in `expression` and its text. */
export function operationOutcome(issues: readonly FhirIssue[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      diagnostics: i.expression ? `${i.expression}: ${i.diagnostics}` : i.diagnostics,
      ...(i.expression ? { expression: [i.expression] } : {}),
    })),
  };
}

/** The issue type of an HTTP status the API's one error mapping gave. */
export function issueCodeOf(status: number): FhirIssue['code'] {
  switch (status) {
    case 401:
      return 'login';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 413:
      return 'too-costly';
    case 422:
      return 'business-rule';
    case 429:
      return 'throttled';
    default:
      return status >= 500 ? 'exception' : 'invalid';
  }
}
