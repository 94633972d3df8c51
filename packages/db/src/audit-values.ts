/** A row as audit JSON: instants as ISO 8601 strings, everything else as it is. */
export function auditValues(row: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : (v as unknown)]),
  );
}
