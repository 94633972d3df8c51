/**
 * Becquerels as the documents print them, in MBq to 3 significant figures, whole numbers from
 * 1000 MBq: "370", "7400", "37.5", "0.00123". Three figures is what a dose calibrator supports
 * (a few per cent); MBq throughout, as the USP label asks (MBq/mL).
 */
export function megabecquerels(bq: number): string {
  const mbq = bq / 1e6;
  return mbq >= 1000 ? Math.round(mbq).toString() : Number(mbq.toPrecision(3)).toString();
}
