/**
 * A number typed in a form: decimal comma or point, blank allowed where the value is optional.
 * `undefined` for blank, `NaN` for what is not a number.
 */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : Number.NaN;
}
